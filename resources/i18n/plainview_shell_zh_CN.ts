<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>My vault</source>
        <translation>我的保险库</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <extracomment>Test seam: the change runs through this (replaced to simulate failures).</extracomment>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>Choose a new passphrase for this vault. Your recovery code stays the same and still works.</source>
        <translation>为这个保险库设置新的密码短语。你的恢复码保持不变，仍然可以使用。</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>当前密码短语(&amp;C)：</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前密码短语</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新密码短语(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>Repeat new passphrase</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Changing the passphrase</source>
        <translation>正在更改密码短语</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>That is not the current passphrase of this vault. Nothing was changed.</source>
        <translation>这不是此保险库的当前密码短语。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>DeleteVaultDialog</name>
    <message>
        <source>Delete this vault</source>
        <translation>删除此保险库</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>This deletes the vault “%1” in %2: every import, your choices, the consent record and its keys. It cannot be undone, and the recovery code will not bring it back. Exports you saved elsewhere (reports, share packages) and the original TikTok archive are not touched.</source>
        <translation>这会删除位于 %2 的保险库“%1”：每一次导入、你的选择、同意记录以及它的密钥。此操作无法撤销，恢复码也无法找回它。你保存在别处的导出文件（报告、分享数据包）和原始 TikTok 压缩包不受影响。</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>输入 %1 以确认：</translation>
    </message>
    <message>
        <source>Type %1 to confirm</source>
        <translation>输入 %1 以确认</translation>
    </message>
    <message>
        <source>Delete vault</source>
        <translation>删除保险库</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Plainview</source>
        <translation>Plainview</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>Plainview hit a problem it did not expect. Your vault is safe: nothing was written half-way. You can keep working; if it happens again, restart Plainview.</source>
        <translation>Plainview 遇到了一个意外问题。你的保险库是安全的：没有写入到一半的数据。你可以继续使用；如果再次出现，请重新启动 Plainview。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Create your vault</source>
        <extracomment>Test seam: KDF parameters for new vaults (None = the vault&apos;s calibrated default).</extracomment>
        <translation>创建你的保险库</translation>
    </message>
    <message>
        <source>Plainview keeps your TikTok data encrypted on this computer and never connects to the internet. While it is locked or closed, a copy of its folder reveals nothing. Choose a passphrase: you will type it each time you open Plainview.</source>
        <translation>Plainview 会把你的 TikTok 数据加密保存在这台电脑上，而且从不连接互联网。在它锁定或关闭时，即使有人复制了它的文件夹，也看不到任何内容。请设置一个密码短语：每次打开 Plainview 时都需要输入它。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>If you forget your passphrase, only the recovery code shown next can open your vault. Nobody else can recover it, not even the makers of Plainview.</source>
        <translation>如果忘记了密码短语，只有下一步显示的恢复码能打开你的保险库。没有任何人能帮你找回，Plainview 的开发者也不能。</translation>
    </message>
    <message>
        <source>Creating your vault. This takes a few seconds…</source>
        <translation>正在创建你的保险库，需要几秒钟…</translation>
    </message>
    <message>
        <source>Creating your vault</source>
        <translation>正在创建你的保险库</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>创建保险库(&amp;C)</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>你的恢复码</translation>
    </message>
    <message>
        <source>This code opens your vault if you forget your passphrase. It is shown only once. Write it down or save it somewhere safe, away from this computer.</source>
        <translation>忘记密码短语时，这个恢复码可以打开你的保险库。它只显示这一次。请把它抄下来，或保存在这台电脑以外的安全地方。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy recovery code</source>
        <translation>复制恢复码</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save recovery code to a file</source>
        <translation>把恢复码保存到文件</translation>
    </message>
    <message>
        <source>I have saved my recovery code</source>
        <translation>我已保存好恢复码</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>继续(&amp;O)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Copied. Paste it somewhere safe now: the clipboard is cleared after a minute and when you lock.</source>
        <translation>已复制。请现在把它粘贴到安全的地方：剪贴板会在一分钟后以及锁定时被清空。</translation>
    </message>
    <message>
        <source>Save recovery code</source>
        <translation>保存恢复码</translation>
    </message>
    <message>
        <source>Plainview recovery code</source>
        <translation>Plainview 恢复码</translation>
    </message>
    <message>
        <source>This code opens your Plainview vault if you forget your passphrase. Keep it away from the computer the vault is on.</source>
        <translation>如果你忘记了密码短语，这个恢复码可以打开你的 Plainview 保险库。请把它保存在保险库所在电脑以外的地方。</translation>
    </message>
    <message>
        <source>The file could not be saved. Try another folder.</source>
        <translation>无法保存文件。请换一个文件夹试试。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>Imports in this vault</source>
        <translation>此保险库中的导入</translation>
    </message>
    <message>
        <source>Every export you imported into this vault. Removing one deletes what only it brought; records that another import also has stay. The consent record keeps a line saying that you removed it.</source>
        <translation>你导入到此保险库的每一份导出数据。移除其中一份会删除只由它带来的内容；另一次导入也包含的记录会保留。同意记录会留下一行，写明你移除了它。</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>导入日期</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nothing has been imported into this vault yet.</source>
        <translation>此保险库中还没有导入任何内容。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>&amp;Remove import…</source>
        <translation>移除导入(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected import</source>
        <translation>移除所选的导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Remove import</source>
        <translation>移除导入</translation>
    </message>
    <message>
        <source>Remove import %1 from this vault? What only this import brought is deleted; this cannot be undone. Records that another import also has stay.</source>
        <translation>要从此保险库中移除第 %1 次导入吗？只由这次导入带来的内容会被删除，且无法撤销。另一次导入也包含的记录会保留。</translation>
    </message>
    <message>
        <source>Import %1 was removed: 1 record deleted.</source>
        <translation>第 %1 次导入已移除：删除了 1 条记录。</translation>
    </message>
    <message>
        <source>Import %1 was removed: %2 records deleted.</source>
        <translation>第 %1 次导入已移除：删除了 %2 条记录。</translation>
    </message>
    <message>
        <source>1 record stayed, because another import also has it.</source>
        <translation>有 1 条记录保留了下来，因为另一次导入也包含它。</translation>
    </message>
    <message>
        <source>%1 records stayed, because another import also has them.</source>
        <translation>有 %1 条记录保留了下来，因为另一次导入也包含它们。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search everything…  (Ctrl+F)</source>
        <translation>搜索全部内容…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search everything (Ctrl+F); %1 shows the results page</source>
        <translation>搜索全部内容（Ctrl+F）；%1 打开搜索结果页</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>搜索全部内容</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a TikTok export (Ctrl+I or %1)</source>
        <translation>导入 TikTok 导出数据（Ctrl+I 或 %1）</translation>
    </message>
    <message>
        <source>Language, appearance, auto-lock (%1)</source>
        <translation>语言、外观、自动锁定（%1）</translation>
    </message>
    <message>
        <source>Shortcuts: %1 Overview, %2 Most sensitive, %3 Sensitive, %4 Less sensitive, %5 My choices, %6 Guided audit, %7 Import, %8 Search, %9 Settings.</source>
        <translation>快捷键：%1 概览，%2 最敏感，%3 敏感，%4 较不敏感，%5 我的选择，%6 引导式审计，%7 导入，%8 搜索，%9 设置。</translation>
    </message>
    <message>
        <source>Sample data: you are looking at a made-up TikTok export in a throw-away vault. Nothing here is yours, and it is deleted when you leave it.</source>
        <translation>示例数据：你正在一个临时保险库中查看一份虚构的 TikTok 导出数据。这里没有任何内容属于你，离开时它会被删除。</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Open &amp;another vault…</source>
        <translation>打开另一个保险库(&amp;A)…</translation>
    </message>
    <message>
        <source>Open another vault</source>
        <translation>打开另一个保险库</translation>
    </message>
    <message>
        <source>Try with &amp;sample data first</source>
        <translation>先用示例数据试试(&amp;S)</translation>
    </message>
    <message>
        <source>Try with sample data first</source>
        <translation>先用示例数据试试</translation>
    </message>
    <message>
        <source>Look around in a throw-away vault with a made-up export; no vault is made here</source>
        <translation>在一个临时保险库中用虚构的导出数据看看；这里不会创建保险库</translation>
    </message>
    <message>
        <source>&amp;Leave the sample</source>
        <translation>离开示例(&amp;L)</translation>
    </message>
    <message>
        <source>Leave the sample</source>
        <translation>离开示例</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>保险库</translation>
    </message>
    <message>
        <source>Switch vault, see its imports, or delete it</source>
        <translation>切换保险库、查看其导入或删除它</translation>
    </message>
    <message>
        <source>My vault</source>
        <translation>我的保险库</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>保险库：%1</translation>
    </message>
    <message>
        <source>&amp;Other vaults…</source>
        <translation>其他保险库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Imports in this vault…</source>
        <translation>此保险库中的导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Try with &amp;sample data</source>
        <translation>用示例数据试试(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete this vault…</source>
        <translation>删除此保险库(&amp;D)…</translation>
    </message>
    <message>
        <source>The vault was not deleted</source>
        <translation>保险库未被删除</translation>
    </message>
    <message>
        <source>The vault “%1” was deleted.</source>
        <translation>保险库“%1”已删除。</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Your vault was re-encrypted, but Plainview locked before you confirmed that you saved the new recovery code, so that code is gone. Your old recovery code no longer works either. To get a recovery code that works, open Settings (Ctrl+9) and choose “Re-encrypt with a new key…” again.</source>
        <extracomment>The vault folders this device knows (paths and labels only, in QSettings). While the throw-away sample vault is open: its folder, and the folder to go back to.</extracomment>
        <translation>你的保险库已重新加密，但在你确认保存新的恢复码之前 Plainview 已锁定，所以那个恢复码已经丢失。你原来的恢复码也不再有效。要获得一个有效的恢复码，请打开“设置”（Ctrl+9），再次选择“用新密钥重新加密…”。</translation>
    </message>
    <message>
        <source>Your recovery code was not saved</source>
        <translation>你的恢复码没有保存</translation>
    </message>
    <message>
        <source>Lock Plainview now (Ctrl+L)</source>
        <translation>立即锁定 Plainview（Ctrl+L）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>NewVaultDialog</name>
    <message>
        <source>New vault</source>
        <translation>新建保险库</translation>
    </message>
    <message>
        <source>Each vault has its own passphrase and its own data. Make one for each person whose export you look at, for example each participant of an audit.</source>
        <translation>每个保险库都有自己的密码短语和自己的数据。为你查看其导出数据的每个人各建一个，例如审计的每位参与者。</translation>
    </message>
    <message>
        <source>For example: Participant 07</source>
        <translation>例如：参与者 07</translation>
    </message>
    <message>
        <source>Name of the vault</source>
        <translation>保险库名称</translation>
    </message>
    <message>
        <source>Folder of the vault</source>
        <translation>保险库文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>The name and the folder are remembered on this computer so that you can pick the vault later; nothing from inside the vault is.</source>
        <translation>名称和文件夹会记在这台电脑上，方便你以后选择这个保险库；保险库里的任何内容都不会被记下。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Choose a folder for the new vault</source>
        <translation>为新保险库选择文件夹</translation>
    </message>
    <message>
        <source>Give the vault a name.</source>
        <translation>请给保险库起个名字。</translation>
    </message>
    <message>
        <source>There is already a vault in this folder. Use “Add a vault folder…”.</source>
        <translation>此文件夹中已经有一个保险库。请使用“添加保险库文件夹…”。</translation>
    </message>
    <message>
        <source>This is a file, not a folder. Choose a folder.</source>
        <translation>这是一个文件，不是文件夹。请选择一个文件夹。</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show passphrase</source>
        <extracomment>Passphrases shorter than this are refused. zxcvbn&apos;s score (0–4) a new passphrase needs.</extracomment>
        <translation>显示密码短语</translation>
    </message>
    <message>
        <source>Show or hide the passphrase</source>
        <translation>显示或隐藏密码短语</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page is not available yet.</source>
        <extracomment>What Ctrl+1 … Ctrl+9 open, in the sidebar&apos;s order and then the top bar&apos;s: Overview, the first category of each sensitivity group, My choices, Guided audit, Import, Search, Settings.</extracomment>
        <translation>此页面暂不可用。</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>Re-encrypt with a new key</source>
        <extracomment>Vault setting: True from a rotation until the user confirms they saved its new recovery code. A lock in between (auto-lock while the code was on screen) closes the dialog and forgets the code; the main window then says so after the next unlock. Test seam: the rotation runs through this (replaced to simulate failures).</extracomment>
        <translation>用新密钥重新加密</translation>
    </message>
    <message>
        <source>Plainview re-encrypts your whole vault with a new random key, in case the old one could have been copied. Your passphrase stays the same. Your recovery code changes: the new one is shown once, and the old one stops working. If this computer remembers the vault, it will ask for the passphrase again next time.</source>
        <translation>Plainview 会用一个新的随机密钥重新加密你的整个保险库，以防旧密钥可能已被复制。你的密码短语保持不变。你的恢复码会更换：新的恢复码只显示一次，旧的恢复码将失效。如果这台电脑记住了保险库，下次会再次要求输入密码短语。</translation>
    </message>
    <message>
        <source>Type your &amp;passphrase to confirm:</source>
        <translation>输入你的密码短语以确认(&amp;P)：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Re-encrypting the vault</source>
        <translation>正在重新加密保险库</translation>
    </message>
    <message>
        <source>Re-encrypt</source>
        <translation>重新加密</translation>
    </message>
    <message>
        <source>Done: your vault now uses a new key. This is your new recovery code. It is shown only once: write it down or keep it somewhere safe, away from this computer. Your old recovery code no longer works.</source>
        <translation>完成：你的保险库现在使用新的密钥。这是你的新恢复码，它只显示这一次：请把它抄下来，或保存在这台电脑以外的安全地方。你的旧恢复码已失效。</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新恢复码</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy recovery code</source>
        <translation>复制恢复码</translation>
    </message>
    <message>
        <source>I have saved my new recovery code</source>
        <translation>我已保存好新的恢复码</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>That passphrase is not right. Nothing was changed.</source>
        <translation>密码短语不正确。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The user asked for the vault&apos;s imports / to delete the vault (the window does both).</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A)：</translation>
    </message>
    <message>
        <source>Auto-&amp;lock:</source>
        <translation>自动锁定(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Privacy policy:</source>
        <translation>隐私政策(&amp;P)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>EEA, UK and Switzerland</source>
        <translation>欧洲经济区、英国和瑞士</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Other regions</source>
        <translation>其他地区</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after this many minutes without input (0 = never)</source>
        <translation>无操作这么多分钟后锁定（0 = 从不）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Auto-lock after minutes without input</source>
        <translation>无操作多少分钟后自动锁定</translation>
    </message>
    <message>
        <source>Privacy policy used for explanations</source>
        <translation>说明所依据的隐私政策</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>此设备：</translation>
    </message>
    <message>
        <source>&amp;Forget this device</source>
        <translation>忘记此设备(&amp;F)</translation>
    </message>
    <message>
        <source>Forget this device</source>
        <translation>忘记此设备</translation>
    </message>
    <message>
        <source>Remove the key saved in the system keyring; the passphrase is asked again.</source>
        <translation>删除保存在系统密钥环中的密钥；之后将再次要求输入密码短语。</translation>
    </message>
    <message>
        <source>This vault:</source>
        <translation>此保险库：</translation>
    </message>
    <message>
        <source>&amp;Imports…</source>
        <translation>导入记录(&amp;I)…</translation>
    </message>
    <message>
        <source>Imports in this vault</source>
        <translation>此保险库中的导入</translation>
    </message>
    <message>
        <source>See every import and remove one</source>
        <translation>查看每一次导入并移除其中一次</translation>
    </message>
    <message>
        <source>&amp;Delete this vault…</source>
        <translation>删除此保险库(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete this vault</source>
        <translation>删除此保险库</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase…</source>
        <translation>更改密码短语(&amp;H)…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>&amp;Re-encrypt with a new key…</source>
        <translation>用新密钥重新加密(&amp;R)…</translation>
    </message>
    <message>
        <source>Re-encrypt with a new key</source>
        <translation>用新密钥重新加密</translation>
    </message>
    <message>
        <source>A new random key for the whole vault; you get a new recovery code.</source>
        <translation>为整个保险库换一个新的随机密钥；你会得到一个新的恢复码。</translation>
    </message>
    <message>
        <source>What Plainview protects</source>
        <translation>Plainview 能保护什么</translation>
    </message>
    <message>
        <source>While Plainview is locked or closed, a copy of its folder, a backup or a synced folder reveals nothing of your data. Nothing leaves this computer unless you export it. Plainview cannot protect you from malware running on this computer while it is unlocked, and the export file TikTok gave you is not encrypted: delete it when you no longer need it.</source>
        <translation>在 Plainview 锁定或关闭时，它的文件夹的副本、备份或同步文件夹都不会泄露你的任何数据。除非你自己导出，否则任何内容都不会离开这台电脑。Plainview 无法防范在它解锁期间运行在这台电脑上的恶意软件；另外，TikTok 给你的导出文件本身没有加密：不再需要时请把它删除。</translation>
    </message>
    <message>
        <source>Explanations quote the TikTok privacy policy for this region. Your export says your account region is %1.</source>
        <translation>说明中引用的是 TikTok 针对该地区的隐私政策。你的导出数据显示账号所在地区为 %1。</translation>
    </message>
    <message>
        <source>Explanations quote the TikTok privacy policy for this region.</source>
        <translation>说明中引用的是 TikTok 针对该地区的隐私政策。</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>正在检查系统密钥环…</translation>
    </message>
    <message>
        <source>Plainview opens without your passphrase when it starts on this computer: its key is kept in the system keyring.</source>
        <translation>在这台电脑上启动 Plainview 时无需输入密码短语即可打开：其密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>To open Plainview without your passphrase on this computer, tick “Remember on this device” when you unlock it.</source>
        <translation>若想在这台电脑上无需密码短语即可打开 Plainview，请在解锁时勾选“在此设备上记住”。</translation>
    </message>
    <message>
        <source>Remembering the vault on this computer is not available: there is no secure system keyring. Plainview opens with your passphrase.</source>
        <translation>无法在这台电脑上记住保险库：没有安全的系统密钥环。Plainview 将使用你的密码短语打开。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <extracomment>Entries shown below the scrolling list, always visible. My choices and Guided audit, drawn below the list (same model, same selection).</extracomment>
        <translation>栏目</translation>
    </message>
    <message>
        <source>My choices and Guided audit</source>
        <translation>我的选择和引导式审计</translation>
    </message>
    <message>
        <source>Most sensitive</source>
        <translation>最敏感</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>Less sensitive</source>
        <translation>较不敏感</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>What TikTok has about you</source>
        <translation>TikTok 掌握了你的哪些信息</translation>
    </message>
    <message>
        <source>%1: jump to the first category of this group</source>
        <translation>%1：跳到这一组的第一个类别</translation>
    </message>
    <message>
        <source>empty in your export</source>
        <translation>导出中为空</translation>
    </message>
    <message>
        <source>not in your export</source>
        <translation>导出中没有</translation>
    </message>
    <message>
        <source>My choices</source>
        <translation>我的选择</translation>
    </message>
    <message>
        <source>Your share level per category</source>
        <translation>每个类别的分享级别</translation>
    </message>
    <message>
        <source>Guided audit</source>
        <translation>引导式审计</translation>
    </message>
    <message>
        <source>Go through your data step by step</source>
        <translation>一步一步查看你的数据</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>请至少使用 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add more words or characters: this one is easy to guess.</source>
        <translation>请再加几个词或字符：这个密码短语很容易被猜到。</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>两次输入的密码短语还不一致。</translation>
    </message>
    <message>
        <source>Strength: –</source>
        <translation>强度：–</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>很弱</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>较强</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>很强</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>密码短语强度</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Plainview is locked</source>
        <extracomment>The user asked for the list of vaults (&quot;Open another vault…&quot;).</extracomment>
        <translation>Plainview 已锁定</translation>
    </message>
    <message>
        <source>Type the passphrase of the vault “%1” to open it.</source>
        <translation>输入保险库“%1”的密码短语以打开它。</translation>
    </message>
    <message>
        <source>Type your passphrase to open your vault.</source>
        <translation>输入密码短语以打开你的保险库。</translation>
    </message>
    <message>
        <source>Open &amp;another vault…</source>
        <translation>打开另一个保险库(&amp;A)…</translation>
    </message>
    <message>
        <source>Open another vault</source>
        <translation>打开另一个保险库</translation>
    </message>
    <message>
        <source>Choose another vault, or make a new one</source>
        <translation>选择另一个保险库，或新建一个</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Opening your vault</source>
        <translation>正在打开你的保险库</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>R&amp;emember on this device</source>
        <translation>在此设备上记住(&amp;E)</translation>
    </message>
    <message>
        <source>Remember on this device</source>
        <translation>在此设备上记住</translation>
    </message>
    <message>
        <source>Plainview then opens without your passphrase for anyone who can sign in to this computer as you; it keeps the key in the system keyring.</source>
        <translation>此后，任何能以你的身份登录这台电脑的人都无需密码短语即可打开 Plainview；密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Anyone who can sign in to this computer as you can then open the vault. If your system keyring has no password of its own (common with automatic login), it keeps the key unencrypted, and a copy of your home folder opens the vault too.</source>
        <translation>这样一来，任何能以你的身份登录这台电脑的人都能打开保险库。如果你的系统钥匙环没有自己的密码（使用自动登录时很常见），它会以未加密的形式保存这把钥匙，复制你的主文件夹也能打开保险库。</translation>
    </message>
    <message>
        <source>What remembering costs</source>
        <translation>记住后的代价</translation>
    </message>
    <message>
        <source>&amp;Forgot your passphrase?</source>
        <translation>忘记密码短语了？(&amp;F)</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>忘记密码短语了？</translation>
    </message>
    <message>
        <source>Set a new passphrase</source>
        <translation>设置新密码短语</translation>
    </message>
    <message>
        <source>Type the recovery code you saved when you created the vault, then choose a new passphrase. Dashes and letter case do not matter.</source>
        <translation>输入创建保险库时保存的恢复码，然后设置新的密码短语。连字符和大小写都不影响。</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>恢复码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新密码短语(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>Repeat new passphrase</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Setting the new passphrase</source>
        <translation>正在设置新密码短语</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>&amp;Set new passphrase</source>
        <translation>设置新密码短语(&amp;S)</translation>
    </message>
    <message>
        <source>Set new passphrase</source>
        <translation>设置新密码短语</translation>
    </message>
    <message>
        <source>That recovery code does not match this vault. Check each group of letters and digits and try again.</source>
        <translation>这个恢复码与此保险库不匹配。请逐组核对字母和数字，然后再试一次。</translation>
    </message>
    <message>
        <source>That passphrase does not open this vault. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>这个密码短语打不开此保险库。请检查大写锁定键和键盘布局，然后再试一次。</translation>
    </message>
    <message>
        <source>Your vault could not be read: one of its files is damaged. Nothing was changed. Restore the vault folder from a backup, or import your TikTok export again into a new vault.</source>
        <translation>无法读取你的保险库：其中一个文件已损坏。没有做任何更改。请从备份恢复保险库文件夹，或者把 TikTok 导出数据重新导入到一个新的保险库。</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of Plainview. Install the newer version to open it.</source>
        <translation>此保险库由更新版本的 Plainview 创建。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>There is no vault in this folder any more.</source>
        <translation>这个文件夹里已经没有保险库了。</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>请先输入密码短语。</translation>
    </message>
    <message>
        <source>Plainview could not open your vault with the key saved on this device. Type your passphrase.</source>
        <translation>Plainview 无法用此设备上保存的密钥打开你的保险库。请输入你的密码短语。</translation>
    </message>
</context>
<context>
    <name>VaultChooserPage</name>
    <message>
        <source>Choose a vault</source>
        <translation>选择保险库</translation>
    </message>
    <message>
        <source>Each vault holds one person’s data and opens with its own passphrase. Advocates keep one vault per participant.</source>
        <translation>每个保险库保存一个人的数据，并用它自己的密码短语打开。倡导者为每位参与者各保留一个保险库。</translation>
    </message>
    <message>
        <source>Vaults on this computer</source>
        <translation>这台电脑上的保险库</translation>
    </message>
    <message>
        <source>No vaults yet. Make a new one to import an export.</source>
        <translation>还没有保险库。新建一个即可导入导出数据。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected vault</source>
        <translation>打开所选的保险库</translation>
    </message>
    <message>
        <source>&amp;New vault…</source>
        <translation>新建保险库(&amp;N)…</translation>
    </message>
    <message>
        <source>New vault</source>
        <translation>新建保险库</translation>
    </message>
    <message>
        <source>A&amp;dd a vault folder…</source>
        <translation>添加保险库文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Add a vault folder</source>
        <translation>添加保险库文件夹</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the selected vault</source>
        <translation>重命名所选的保险库</translation>
    </message>
    <message>
        <source>Remove from &amp;list</source>
        <translation>从列表中移除(&amp;L)</translation>
    </message>
    <message>
        <source>Remove the selected vault from this list</source>
        <translation>从此列表中移除所选的保险库</translation>
    </message>
    <message>
        <source>Try with &amp;sample data</source>
        <translation>用示例数据试试(&amp;S)</translation>
    </message>
    <message>
        <source>Try with sample data</source>
        <translation>用示例数据试试</translation>
    </message>
    <message>
        <source>The vault itself stays in its folder; add it again at any time.</source>
        <translation>保险库本身仍在它的文件夹中；你随时可以再次添加它。</translation>
    </message>
    <message>
        <source>The sample opens in a separate, throw-away vault: your own vaults are not touched, and the sample is deleted when you leave it.</source>
        <translation>示例会在一个单独的临时保险库中打开：你自己的保险库不受影响，离开时示例会被删除。</translation>
    </message>
    <message>
        <source>%1 (not found)
%2</source>
        <translation>%1（未找到）
%2</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <source>There is no vault in this folder. It may have been moved, deleted or be on a disk that is not connected.</source>
        <translation>此文件夹中没有保险库。它可能已被移动、删除，或位于未连接的磁盘上。</translation>
    </message>
    <message>
        <source>Choose the folder of a vault</source>
        <translation>选择保险库所在的文件夹</translation>
    </message>
    <message>
        <source>Rename vault</source>
        <translation>重命名保险库</translation>
    </message>
    <message>
        <source>Name of the vault:</source>
        <translation>保险库名称：</translation>
    </message>
    <message>
        <source>There is no Plainview vault in this folder (no vault.key file).</source>
        <translation>此文件夹中没有 Plainview 保险库（没有 vault.key 文件）。</translation>
    </message>
    <message>
        <source>Removed from the list. The vault itself is still in %1.</source>
        <translation>已从列表中移除。保险库本身仍在 %1。</translation>
    </message>
</context>
</TS>
