<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditWizard</name>
    <message>
        <source>Guided audit</source>
        <translation>引导式审计</translation>
    </message>
    <message>
        <source>&amp;Participant (a name or a code, optional):</source>
        <translation>参与者（姓名或代号，可选）(&amp;P)：</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>&amp;Start a new audit</source>
        <translation>开始新的审计(&amp;S)</translation>
    </message>
    <message>
        <source>Start a new audit</source>
        <translation>开始新的审计</translation>
    </message>
    <message>
        <source>Resume the audit</source>
        <translation>继续审计</translation>
    </message>
    <message>
        <source>Did you expect TikTok to have this?</source>
        <translation>你预料到 TikTok 会有这些数据吗？</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>N&amp;o</source>
        <translation>否(&amp;O)</translation>
    </message>
    <message>
        <source>Not s&amp;ure</source>
        <translation>不确定(&amp;U)</translation>
    </message>
    <message>
        <source>Yes, I expected it</source>
        <translation>是，我预料到了</translation>
    </message>
    <message>
        <source>No, I did not expect it</source>
        <translation>否，我没有预料到</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>What may be shared from this category?</source>
        <translation>这个类别中的哪些内容可以分享？</translation>
    </message>
    <message>
        <source>&amp;Private</source>
        <translation>私密(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Anonymized</source>
        <translation>匿名化(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;hared</source>
        <translation>分享(&amp;H)</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私密</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>May TikTok use your data for this?</source>
        <translation>TikTok 可以把你的数据用于这个目的吗？</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的回答</translation>
    </message>
    <message>
        <source>&amp;Yes, TikTok may</source>
        <translation>可以，TikTok 可以使用(&amp;Y)</translation>
    </message>
    <message>
        <source>N&amp;o, TikTok may not</source>
        <translation>不可以，TikTok 不可以使用(&amp;O)</translation>
    </message>
    <message>
        <source>Not s&amp;ure yet</source>
        <translation>还不确定(&amp;U)</translation>
    </message>
    <message>
        <source>Yes, TikTok may</source>
        <translation>可以，TikTok 可以使用</translation>
    </message>
    <message>
        <source>No, TikTok may not</source>
        <translation>不可以，TikTok 不可以使用</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>还不确定</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Pause and c&amp;lose</source>
        <translation>暂停并关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Pause and close</source>
        <translation>暂停并关闭</translation>
    </message>
    <message>
        <source>What this is</source>
        <translation>这是什么</translation>
    </message>
    <message>
        <source>Why TikTok says it collects it</source>
        <translation>TikTok 声称收集的原因</translation>
    </message>
    <message>
        <source>In this export</source>
        <translation>导出文件中的内容</translation>
    </message>
    <message>
        <source>A few of your own records</source>
        <translation>你自己的几条记录</translation>
    </message>
    <message>
        <source>Audit progress</source>
        <translation>审计进度</translation>
    </message>
    <message>
        <source>Audit finished</source>
        <translation>审计完成</translation>
    </message>
    <message>
        <source>Re&amp;cipient (optional, kept in the consent record):</source>
        <translation>接收者（可选，记入同意记录）(&amp;C)：</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收者</translation>
    </message>
    <message>
        <source>Pur&amp;pose (optional, kept in the consent record):</source>
        <translation>用途（可选，记入同意记录）(&amp;P)：</translation>
    </message>
    <message>
        <source>Purpose of sharing</source>
        <translation>分享用途</translation>
    </message>
    <message>
        <source>Every report, share package and letter you save is added to the consent record with the time, what it held and, if given, who it is for and why.</source>
        <translation>你保存的每份报告、分享包和信件都会记入同意记录：时间、包含的内容，以及（如果填写）给谁和用途。</translation>
    </message>
    <message>
        <source>Save the audit &amp;report…</source>
        <translation>保存审计报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Save the audit report</source>
        <translation>保存审计报告</translation>
    </message>
    <message>
        <source>Share pac&amp;kage…</source>
        <translation>分享包(&amp;K)…</translation>
    </message>
    <message>
        <source>Share package</source>
        <translation>分享包</translation>
    </message>
    <message>
        <source>&amp;Letters…</source>
        <translation>信件(&amp;L)…</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>&amp;Resume (step %1 of %2)</source>
        <translation>继续（第 %1 步，共 %2 步）(&amp;R)</translation>
    </message>
    <message>
        <source>%1 steps: %2 categories in this export, then %3 questions about purposes.</source>
        <translation>共 %1 步：这份导出文件中的 %2 个类别，然后是关于用途的 %3 个问题。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Not in this export, so the audit skips them: %1.</source>
        <translation>这份导出文件中没有以下类别，审查会跳过它们：%1。</translation>
    </message>
    <message>
        <source>This vault holds no data yet: import an export first.</source>
        <translation>这个保险库还没有数据：请先导入一份导出文件。</translation>
    </message>
    <message>
        <source>Never leaves this computer: not in packages or reports.</source>
        <translation>永远不会离开这台电脑：不出现在数据包或报告中。</translation>
    </message>
    <message>
        <source>Included without names, ids, messages or exact times; IP addresses shortened.</source>
        <translation>包含，但不含姓名、ID、消息或精确时间；IP 地址被截短。</translation>
    </message>
    <message>
        <source>Included exactly as in your export.</source>
        <translation>按你的导出文件原样包含。</translation>
    </message>
    <message>
        <source>The audit could not be loaded.</source>
        <translation>无法载入审计。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>TikTok&apos;s policy says it uses these categories of your export for this: %1. Your answer goes into the report and the letters; a No becomes a request to stop.</source>
        <translation>TikTok 的政策称，它会把你导出文件中的这些类别用于这个目的：%1。你的回答会写入报告和信件；回答“不可以”会变成一份要求停止的请求。</translation>
    </message>
    <message>
        <source>low</source>
        <translation>较低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>high</source>
        <translation>较高</translation>
    </message>
    <message>
        <source>Sensitivity: %1</source>
        <translation>敏感程度：%1</translation>
    </message>
    <message>
        <source>TikTok&apos;s policy does not say.</source>
        <translation>TikTok 的政策没有说明。</translation>
    </message>
    <message>
        <source>Records in this export: %1.</source>
        <translation>导出文件中有 %1 条记录。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Your records could not be read.</source>
        <translation>无法读取你的记录。</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>没有可显示的内容。</translation>
    </message>
    <message>
        <source>You went through all %1 categories in this export. The participant did not expect %2 of them. Save the report to keep the findings, the share package to pass on what the participant agreed to share, and the letters to ask TikTok for access, erasure or an end to the uses they refused. Each leaves out every category the participant keeps private.</source>
        <translation>你已看完这份导出文件中的全部 %1 个类别。参与者没有预料到其中 %2 个。保存报告以留存结果，保存分享包以转交参与者同意分享的内容，保存信件以向 TikTok 要求查阅、删除或停止他们拒绝的用途。它们都不包含参与者设为私密的任何类别。</translation>
    </message>
    <message>
        <source>Share package saved: %1</source>
        <translation>分享包已保存：%1</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Go through your TikTok data one category at a time with a participant. For each one you see what it is, why TikTok says it collects it and a few of the participant&apos;s own records; the participant says whether they expected it, adds notes and chooses what may be shared. Then they say for which purposes TikTok may use their data. You can stop at any time and resume later. At the end you get a report, a share package and request letters that obey these choices. While the audit runs, the rest of Plainview is out of reach; Lock still works.</source>
        <translation>与参与者一起逐个类别查看 TikTok 数据。每个类别都会显示它是什么、TikTok 称为什么收集它，以及参与者自己的几条记录；参与者说明是否预料到、添加备注，并选择可以分享的内容。然后他们说明 TikTok 可以把数据用于哪些目的。你可以随时暂停，稍后继续。最后你会得到遵循这些选择的报告、分享包和请求信。审查进行期间，Plainview 的其他部分暂时不可用；“锁定”仍然有效。</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Save audit report</source>
        <translation>保存审计报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Web page (*.html)</source>
        <translation>PDF 文档 (*.pdf);;网页 (*.html)</translation>
    </message>
    <message>
        <source>Writing the audit report…</source>
        <translation>正在写入审计报告…</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>无法写入报告。</translation>
    </message>
    <message>
        <source>Audit report saved: %1</source>
        <translation>审计报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <source>Your choice</source>
        <extracomment>Set by the page for an editor opened by a mouse click: show the options at once.</extracomment>
        <translation>你的选择</translation>
    </message>
</context>
<context>
    <name>ChoicesModel</name>
    <message>
        <source>Category or purpose</source>
        <translation>类别或用途</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>你的选择</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私密</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Yes, TikTok may</source>
        <translation>是，TikTok 可以</translation>
    </message>
    <message>
        <source>No, TikTok may not</source>
        <translation>否，TikTok 不可以</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>尚不确定</translation>
    </message>
    <message>
        <source>May TikTok use your data for: %1</source>
        <translation>TikTok 可以将你的数据用于：%1</translation>
    </message>
</context>
<context>
    <name>ChoicesPage</name>
    <message>
        <source>My choices</source>
        <translation>我的选择</translation>
    </message>
    <message>
        <source>Decide, per category, what leaves this computer: Private (never), Anonymized (without names, messages or exact times) or Shared (as imported). Say for which purposes TikTok may use your data. Every change is recorded in the consent record below.</source>
        <translation>按类别决定哪些内容可以离开这台电脑：私密（从不）、匿名化（不含姓名、消息或精确时间）或分享（按导入原样）。说明 TikTok 可以将你的数据用于哪些用途。每次更改都会记录在下方的同意记录中。</translation>
    </message>
    <message>
        <source>&amp;Share package…</source>
        <translation>分享数据包(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Privacy statement…</source>
        <translation>隐私声明(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Letters…</source>
        <translation>请求信(&amp;L)…</translation>
    </message>
    <message>
        <source>Audit &amp;report…</source>
        <translation>审计报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Consent record</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>No changes yet. Every change you make is added here.</source>
        <translation>还没有更改。你做的每次更改都会添加到这里。</translation>
    </message>
    <message>
        <source>Share levels and purpose answers</source>
        <translation>分享级别和用途回答</translation>
    </message>
    <message>
        <source>Share package</source>
        <translation>分享数据包</translation>
    </message>
    <message>
        <source>Privacy statement</source>
        <translation>隐私声明</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>请求信</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>审计报告</translation>
    </message>
    <message>
        <source>Where your export contradicts your choices</source>
        <translation>你的导出数据与你的选择不一致之处</translation>
    </message>
    <message>
        <source>Your choices could not be loaded. Try again after unlocking.</source>
        <translation>无法载入你的选择。请在解锁后重试。</translation>
    </message>
    <message>
        <source>⚠ Where your export contradicts your choices:</source>
        <translation>⚠ 你的导出数据与你的选择不一致之处：</translation>
    </message>
    <message>
        <source>Share package saved: %1</source>
        <translation>分享数据包已保存：%1</translation>
    </message>
    <message>
        <source>Save audit report</source>
        <translation>保存审计报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Web page (*.html)</source>
        <translation>PDF 文档 (*.pdf);;网页 (*.html)</translation>
    </message>
    <message>
        <source>Writing the audit report…</source>
        <translation>正在写入审计报告…</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>无法写入报告。</translation>
    </message>
    <message>
        <source>Audit report saved: %1</source>
        <translation>审计报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>更改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>更改后</translation>
    </message>
    <message>
        <source>Share package saved</source>
        <translation>已保存分享包</translation>
    </message>
    <message>
        <source>Audit report saved</source>
        <translation>已保存审查报告</translation>
    </message>
    <message>
        <source>Letter saved or copied</source>
        <translation>已保存或复制信件</translation>
    </message>
    <message>
        <source>Privacy statement saved or copied</source>
        <translation>已保存或复制隐私声明</translation>
    </message>
    <message>
        <source>Everything exported to a file</source>
        <translation>已把全部数据导出到文件</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>给：%1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>用途：%1</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Import %1 (%2)</source>
        <translation>第 %1 次导入（%2）</translation>
    </message>
    <message>
        <source>In the vault</source>
        <translation>在保险库中</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>Privacy statement and letters</source>
        <extracomment>Milliseconds of no typing before the letters are prepared again with the typed name.</extracomment>
        <translation>隐私声明和请求信</translation>
    </message>
    <message>
        <source>Pick a document on the left. Letters are addressed only through TikTok&apos;s published contact routes. Plainview does not fill in your name or account: type them below if you want them in the letters, or replace the parts in [brackets] before sending. You can also change the text itself before copying or saving it.</source>
        <translation>在左侧选择一份文件。信件只通过 TikTok 公布的联系渠道寄送。Plainview 不会替你填写姓名或账号：如果你希望信中出现它们，请在下方输入，或在发送前替换[方括号]中的部分。你也可以在复制或保存之前修改正文。</translation>
    </message>
    <message>
        <source>Your &amp;name (optional):</source>
        <translation>你的姓名（可选）(&amp;N)：</translation>
    </message>
    <message>
        <source>Your TikTok &amp;username (optional):</source>
        <translation>你的 TikTok 用户名（可选）(&amp;U)：</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <source>Your TikTok username</source>
        <translation>你的 TikTok 用户名</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as text…</source>
        <translation>另存为文本(&amp;S)…</translation>
    </message>
    <message>
        <source>Copy the document</source>
        <translation>复制此文件</translation>
    </message>
    <message>
        <source>Save the document as a text file</source>
        <translation>将此文件保存为文本文件</translation>
    </message>
    <message>
        <source>&amp;Reset text</source>
        <translation>恢复原文(&amp;R)</translation>
    </message>
    <message>
        <source>Reset the text to the prepared letter</source>
        <translation>把正文恢复为准备好的信件</translation>
    </message>
    <message>
        <source>Undo your changes to this document</source>
        <translation>撤销你对这份文件的修改</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>The letters could not be prepared.</source>
        <translation>无法准备请求信。</translation>
    </message>
    <message>
        <source>My privacy statement</source>
        <translation>我的隐私声明</translation>
    </message>
    <message>
        <source>%1 (suggested by your answers)</source>
        <translation>%1（根据你的回答建议）</translation>
    </message>
    <message>
        <source>Categories concerned: %1</source>
        <translation>涉及的类别：%1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>all your data</source>
        <translation>你的全部数据</translation>
    </message>
    <message>
        <source>copied to the clipboard</source>
        <translation>已复制到剪贴板</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>Save as text</source>
        <translation>另存为文本</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder.</source>
        <translation>无法保存文件。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SharePreviewDialog</name>
    <message>
        <source>Share package</source>
        <translation>分享数据包</translation>
    </message>
    <message>
        <source>What the share package will contain</source>
        <translation>分享数据包将包含的内容</translation>
    </message>
    <message>
        <source>Only the categories below go into the package, treated as shown. Private categories are left out completely: not their data, not their names, not their counts. Nothing is written until you choose Save.</source>
        <translation>只有下列类别会按所示方式放入数据包。私密类别被完全排除：没有其数据、名称或数量。在你选择“保存”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Share level</source>
        <translation>分享级别</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>What happens to it</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Categories in the share package</source>
        <translation>分享数据包中的类别</translation>
    </message>
    <message>
        <source>In your vault</source>
        <translation>在你的保险库中</translation>
    </message>
    <message>
        <source>In the share package</source>
        <translation>在分享包中</translation>
    </message>
    <message>
        <source>Your records before and after</source>
        <translation>你的记录：处理前和处理后</translation>
    </message>
    <message>
        <source>What anonymizing removes</source>
        <translation>匿名化会去掉什么</translation>
    </message>
    <message>
        <source>Re&amp;cipient (optional):</source>
        <translation>接收者（可选）(&amp;C)：</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>接收者</translation>
    </message>
    <message>
        <source>Who receives the package</source>
        <translation>谁会收到这个分享包</translation>
    </message>
    <message>
        <source>Pur&amp;pose (optional):</source>
        <translation>用途（可选）(&amp;P)：</translation>
    </message>
    <message>
        <source>Purpose of sharing</source>
        <translation>分享用途</translation>
    </message>
    <message>
        <source>What it will be used for</source>
        <translation>它将用于什么</translation>
    </message>
    <message>
        <source>&amp;Save package…</source>
        <translation>保存数据包(&amp;S)…</translation>
    </message>
    <message>
        <source>Save package</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <source>Writing progress</source>
        <translation>写入进度</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私密</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Reading your choices…</source>
        <translation>正在读取你的选择…</translation>
    </message>
    <message>
        <source>The preview could not be made.</source>
        <translation>无法生成预览。</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Categories: %1 · records in total: %2.</source>
        <translation>共 %1 个类别，%2 条记录。</translation>
    </message>
    <message>
        <source>Every category is private, so the package would hold only a README and an empty list of choices. Change a category to Anonymized or Shared in My choices first.</source>
        <translation>所有类别均为私密，因此数据包只会包含一个说明文件和一份空的选择列表。请先在“我的选择”中将某个类别改为匿名化或分享。</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>处理前和处理后</translation>
    </message>
    <message>
        <source>Nothing leaves this computer while every category is private.</source>
        <translation>所有类别都是私密的，因此没有任何内容会离开这台电脑。</translation>
    </message>
    <message>
        <source>Before and after: %1</source>
        <translation>处理前和处理后：%1</translation>
    </message>
    <message>
        <source>Shared: your records go into the package exactly as imported.</source>
        <translation>分享：你的记录会按导入时的原样放入分享包。</translation>
    </message>
    <message>
        <source>Anonymized: this category holds no records yet.</source>
        <translation>匿名化：这个类别还没有记录。</translation>
    </message>
    <message>
        <source>Anonymizing keeps only the dates of %1: every other detail is removed.</source>
        <translation>匿名化后，%1 只保留日期：其他所有细节都会被去掉。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>去掉：%1。</translation>
    </message>
    <message>
        <source>Replaced by a code that stays the same within this package only: %1.</source>
        <translation>替换为只在这个分享包内保持一致的代码：%1。</translation>
    </message>
    <message>
        <source>Shortened (IP addresses to their network, links to the site): %1.</source>
        <translation>缩短（IP 地址只保留网段，链接只保留网站）：%1。</translation>
    </message>
    <message>
        <source>Times become the day only.</source>
        <translation>时间只保留日期。</translation>
    </message>
    <message>
        <source>Kept as they are: %1.</source>
        <translation>原样保留：%1。</translation>
    </message>
    <message>
        <source>Save share package</source>
        <translation>保存分享数据包</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Writing the share package…</source>
        <translation>正在写入分享数据包…</translation>
    </message>
    <message>
        <source>The share package could not be written. Nothing was saved.</source>
        <translation>无法写入分享数据包。没有保存任何内容。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
</TS>
