<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CategoryPage</name>
    <message>
        <source>Your data</source>
        <extracomment>Below this page width the explanation sits above the data instead of beside it (the page of an 800 px wide window is about 490 px; of a 1100 px one, about 790 px).</extracomment>
        <translation>你的数据</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Filter the rows</source>
        <translation>筛选各行</translation>
    </message>
    <message>
        <source>Your records in this category</source>
        <translation>你在此类别中的记录</translation>
    </message>
    <message>
        <source>Press the menu key on a column to sort the rows by it.</source>
        <translation>在某一列上按菜单键，即可按该列排序。</translation>
    </message>
    <message>
        <source>Columns, click one to sort by it</source>
        <translation>列标题，点击某一列即可按它排序</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Explanation of this category</source>
        <translation>此类别的说明</translation>
    </message>
    <message>
        <source>Show from the newest</source>
        <translation>从最新的开始显示</translation>
    </message>
    <message>
        <source>The table starts at the record you opened.</source>
        <translation>表格从你打开的那条记录开始。</translation>
    </message>
    <message>
        <source>Hide &amp;explanation</source>
        <translation>收起说明(&amp;E)</translation>
    </message>
    <message>
        <source>Fold the explanation away to give your data the whole page (Alt+E)</source>
        <translation>收起说明，让你的数据占满整个页面（Alt+E）</translation>
    </message>
    <message>
        <source>Show &amp;explanation</source>
        <translation>显示说明(&amp;E)</translation>
    </message>
    <message>
        <source>Show what this is and why TikTok says it collects it (Alt+E)</source>
        <translation>显示这是什么，以及 TikTok 声称为什么收集它（Alt+E）</translation>
    </message>
    <message>
        <source>Share levels are not available yet.</source>
        <translation>暂时还不能设置分享级别。</translation>
    </message>
    <message>
        <source>Saved. Your choice is kept in the vault.</source>
        <translation>已保存。你的选择保存在保险库中。</translation>
    </message>
    <message>
        <source>No rows match “{text}”. You can filter by words, a video id, a link or a date such as {example}.</source>
        <translation>没有与“{text}”匹配的行。你可以按文字、视频编号、链接或日期（例如 {example}）筛选。</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <source>Sort by “{column}”, A to Z</source>
        <translation>按“{column}”排序，从 A 到 Z</translation>
    </message>
    <message>
        <source>Sort by “{column}”, Z to A</source>
        <translation>按“{column}”排序，从 Z 到 A</translation>
    </message>
    <message>
        <source>Show as a &amp;table</source>
        <translation>以表格显示(&amp;T)</translation>
    </message>
    <message>
        <source>Show as &amp;conversations</source>
        <translation>以对话显示(&amp;C)</translation>
    </message>
    <message>
        <source>Read your direct messages as chats, or as one table of every message.</source>
        <translation>把你的私信按聊天阅读，或以包含每条消息的表格阅读。</translation>
    </message>
    <message>
        <source>TikTok&apos;s export had this section, but it was empty.</source>
        <translation>TikTok 的导出文件包含这一部分，但内容为空。</translation>
    </message>
    <message>
        <source>This export did not include it.</source>
        <translation>这份导出文件不包含这一部分。</translation>
    </message>
    <message>
        <source>There is no data for this category in your vault.</source>
        <translation>你的保险库中没有此类别的数据。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>正在筛选…</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>正在排序…</translation>
    </message>
    <message>
        <source>Counting the matching records…</source>
        <translation>正在统计匹配的记录…</translation>
    </message>
    <message>
        <source>{n} of {total} records match</source>
        <translation>{total} 条记录中有 {n} 条匹配</translation>
    </message>
    <message>
        <source>showing the first {n} (scroll for more)</source>
        <translation>显示前 {n} 条（滚动查看更多）</translation>
    </message>
    <message>
        <source>{n} fields, one per row</source>
        <translation>{n} 个字段，每行一个</translation>
    </message>
    <message>
        <source>{total} records · showing the first {n} (scroll for more)</source>
        <translation>共 {total} 条记录 · 显示前 {n} 条（向下滚动查看更多）</translation>
    </message>
    <message>
        <source>Filter by words, a video id, a link or a date (2025-03-01)…</source>
        <translation>按文字、视频编号、链接或日期（2025-03-01）筛选…</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>{total} records</source>
        <translation>共 {total} 条记录</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Reading your messages…</source>
        <translation>正在读取你的消息…</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Choose a chat with the arrow keys to read its messages.</source>
        <translation>用方向键选择一个聊天来阅读其中的消息。</translation>
    </message>
    <message>
        <source>Messages of the chosen chat</source>
        <translation>所选聊天的消息</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <source>{n} messages</source>
        <translation>{n} 条消息</translation>
    </message>
    <message>
        <source>Last message: {time}</source>
        <translation>最后一条消息：{time}</translation>
    </message>
    <message>
        <source>No messages to show.</source>
        <translation>没有可显示的消息。</translation>
    </message>
    <message>
        <source>Showing the first {n} messages as conversations; the table has all of them.</source>
        <translation>以对话形式显示前 {n} 条消息；表格中有全部消息。</translation>
    </message>
    <message>
        <source>Your messages are on the right, the other person&apos;s on the left.</source>
        <translation>你的消息在右边，对方的消息在左边。</translation>
    </message>
    <message>
        <source>The newest {n} of {total} messages; the table has all of them.</source>
        <translation>{total} 条消息中最新的 {n} 条；表格中有全部消息。</translation>
    </message>
    <message>
        <source>(no text in the export)</source>
        <translation>（导出中没有文字）</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop your TikTok export here</source>
        <translation>把 TikTok 导出文件拖到这里</translation>
    </message>
    <message>
        <source>A .zip file, a folder, or a single .json or .txt file</source>
        <translation>一个 .zip 文件、一个文件夹，或单个 .json 或 .txt 文件</translation>
    </message>
    <message>
        <source>Drop zone for your TikTok export</source>
        <translation>TikTok 导出文件的拖放区</translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <source>What your data shows</source>
        <translation>你的数据显示了什么</translation>
    </message>
    <message>
        <source>What this is</source>
        <translation>这是什么</translation>
    </message>
    <message>
        <source>Why TikTok says it collects it</source>
        <translation>TikTok 声称收集它的原因</translation>
    </message>
    <message>
        <source>Who it is shared with</source>
        <translation>会与谁共享</translation>
    </message>
    <message>
        <source>How long it is kept</source>
        <translation>保存多久</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>你可以做什么</translation>
    </message>
    <message>
        <source>Which policy this comes from</source>
        <translation>依据哪份政策</translation>
    </message>
    <message>
        <source>{name}, dated {date}</source>
        <translation>{name}（{date}）</translation>
    </message>
    <message>
        <source>Some parts are not translated yet and are shown in English.</source>
        <translation>部分内容尚未翻译，以英文显示。</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Translation: {text}</source>
        <translation>译文：{text}</translation>
    </message>
    <message>
        <source>Reading: ours. Linking this data to this purpose is Plainview&apos;s reading, not TikTok&apos;s words.</source>
        <translation>解读：我们的。把这类数据与这一用途联系起来是 Plainview 的解读，不是 TikTok 的原话。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Policy entry: “{entry}”</source>
        <translation>政策条目：“{entry}”</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import your TikTok data</source>
        <extracomment>Test seam: the clock the time-left estimate reads (seconds, monotonic).</extracomment>
        <translation>导入你的 TikTok 数据</translation>
    </message>
    <message>
        <source>How to get your data from TikTok</source>
        <translation>如何从 TikTok 获取你的数据</translation>
    </message>
    <message>
        <source>In the TikTok app, open your &lt;b&gt;Profile&lt;/b&gt;.</source>
        <translation>在 TikTok 应用中，打开你的&lt;b&gt;个人资料&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Tap the &lt;b&gt;Menu ☰&lt;/b&gt; button, then &lt;b&gt;Settings and privacy&lt;/b&gt;.</source>
        <translation>点击&lt;b&gt;菜单 ☰&lt;/b&gt;按钮，然后点击&lt;b&gt;设置和隐私&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Tap &lt;b&gt;Account&lt;/b&gt;, then &lt;b&gt;Download your data&lt;/b&gt;.</source>
        <translation>点击&lt;b&gt;帐户&lt;/b&gt;，然后点击&lt;b&gt;下载你的数据&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Choose the file format: choose &lt;b&gt;JSON&lt;/b&gt;.</source>
        <translation>选择文件格式：请选择 &lt;b&gt;JSON&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Tap &lt;b&gt;Request data&lt;/b&gt;. Preparing the file can take a few days; TikTok tells you when it is ready.</source>
        <translation>点击&lt;b&gt;申请数据&lt;/b&gt;。准备文件可能需要几天时间；准备好后 TikTok 会通知你。</translation>
    </message>
    <message>
        <source>Download the file from the &lt;b&gt;Download data&lt;/b&gt; tab within 4 days, then drop it below.</source>
        <translation>请在 4 天内从&lt;b&gt;下载数据&lt;/b&gt;标签页下载文件，然后拖到下方。</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>选择文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose a folder to import</source>
        <translation>选择要导入的文件夹</translation>
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
        <source>Imports a small invented export so you can look around first.</source>
        <translation>导入一份虚构的小型导出文件，让你先熟悉一下。</translation>
    </message>
    <message>
        <source>See what TikTok &amp;has</source>
        <translation>查看 TikTok 拥有的数据(&amp;H)</translation>
    </message>
    <message>
        <source>See what TikTok has</source>
        <translation>查看 TikTok 拥有的数据</translation>
    </message>
    <message>
        <source>Opens the overview of your data</source>
        <translation>打开你的数据概览</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Storing: {section}</source>
        <translation>正在保存：{section}</translation>
    </message>
    <message>
        <source>Storing your records…</source>
        <translation>正在保存你的记录…</translation>
    </message>
    <message>
        <source>{count} records stored so far</source>
        <translation>已保存 {count} 条记录</translation>
    </message>
    <message>
        <source>working out the time left…</source>
        <translation>正在估算剩余时间…</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>剩余不到一分钟</translation>
    </message>
    <message>
        <source>about {minutes} min left</source>
        <translation>大约还需 {minutes} 分钟</translation>
    </message>
    <message>
        <source>This is an export from {platform}, not from TikTok.</source>
        <translation>这是来自 {platform} 的导出文件，不是 TikTok 的。</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <translation>{title}：{count}</translation>
    </message>
    <message>
        <source>In this export:</source>
        <translation>这份导出文件包含：</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <source>New since your last import: {list}.</source>
        <translation>自上次导入以来新增：{list}。</translation>
    </message>
    <message>
        <source>Choose your TikTok export</source>
        <translation>选择你的 TikTok 导出文件</translation>
    </message>
    <message>
        <source>TikTok export (*.zip *.json *.txt);;All files (*)</source>
        <translation>TikTok 导出文件 (*.zip *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the folder of your TikTok export</source>
        <translation>选择 TikTok 导出文件所在的文件夹</translation>
    </message>
    <message>
        <source>The sample data is missing from this installation.</source>
        <translation>此安装中缺少示例数据。</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Reading: {section}</source>
        <translation>正在读取：{section}</translation>
    </message>
    <message>
        <source>Plainview can read one .zip file, one folder, or one .json or .txt file.</source>
        <translation>Plainview 可以读取一个 .zip 文件、一个文件夹，或一个 .json 或 .txt 文件。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Your original archive ({name}) is still unencrypted where you saved it. Plainview keeps its own encrypted copy, so you can delete the original if you no longer need it. Deleting a file does not securely erase it on every disk.</source>
        <translation>你的原始压缩包（{name}）仍以未加密的形式保存在原来的位置。Plainview 保存了自己的加密副本，如果你不再需要原件，可以将其删除。请注意，在某些磁盘上删除文件并不能彻底清除它。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>导入已取消。没有做任何更改。</translation>
    </message>
    <message>
        <source>Plainview could not import this file.</source>
        <translation>Plainview 无法导入此文件。</translation>
    </message>
    <message>
        <source>The import did not finish.</source>
        <translation>导入未能完成。</translation>
    </message>
    <message>
        <source>Something went wrong inside Plainview. Nothing was changed.</source>
        <translation>Plainview 内部出了问题。没有做任何更改。</translation>
    </message>
    <message>
        <source>Your vault was left exactly as it was.</source>
        <translation>你的保险库保持原样，未被改动。</translation>
    </message>
    <message>
        <source>Kind of problem: {kind}</source>
        <translation>问题类型：{kind}</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详情</translation>
    </message>
    <message>
        <source>{added} new records.</source>
        <translation>新增 {added} 条记录。</translation>
    </message>
    <message>
        <source>Nothing new: all {dups} records were already in your vault.</source>
        <translation>没有新内容：全部 {dups} 条记录都已在你的保险库中。</translation>
    </message>
    <message>
        <source>{added} new records, {dups} already in your vault.</source>
        <translation>新增 {added} 条记录，{dups} 条已在你的保险库中。</translation>
    </message>
    <message>
        <source>Empty in your export: {list}.</source>
        <translation>你的导出文件中为空的部分：{list}。</translation>
    </message>
    <message>
        <source>Not in this export: {list}.</source>
        <translation>这份导出文件中没有：{list}。</translation>
    </message>
    <message>
        <source>Not recognised, but kept as they are so nothing is lost: {list}.</source>
        <translation>未能识别，但已原样保存，不会丢失任何内容：{list}。</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>No data yet</source>
        <translation>还没有数据</translation>
    </message>
    <message>
        <source>Import the archive TikTok gave you (&quot;Download your data&quot;) to see what it holds about you. It stays encrypted on this computer.</source>
        <translation>导入 TikTok 给你的压缩包（“下载你的数据”），看看其中有哪些关于你的信息。数据会加密保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Import your data…</source>
        <translation>导入你的数据…</translation>
    </message>
    <message>
        <source>Import your data</source>
        <translation>导入你的数据</translation>
    </message>
    <message>
        <source>Reading your vault…</source>
        <translation>正在读取你的保险库…</translation>
    </message>
    <message>
        <source>What TikTok has about you</source>
        <translation>TikTok 掌握了你的哪些信息</translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation>值得注意的地方</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Your data covers {start} to {end}.</source>
        <translation>你的数据时间范围：{start} 至 {end}。</translation>
    </message>
    <message>
        <source>{n} of {total} kinds of data hold something about you.</source>
        <translation>{total} 类数据中有 {n} 类包含你的信息。</translation>
    </message>
    <message>
        <source>{n} records in all.</source>
        <translation>共 {n} 条记录。</translation>
    </message>
    <message>
        <source>Nothing in your export for: {names}.</source>
        <translation>你的导出文件中没有以下内容：{names}。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} 条记录</translation>
    </message>
    <message>
        <source>{new} new, {old} already there</source>
        <translation>新增 {new} 条，已有 {old} 条</translation>
    </message>
    <message>
        <source>cancelled, nothing was changed</source>
        <translation>已取消，没有做任何更改</translation>
    </message>
    <message>
        <source>did not finish, nothing was kept</source>
        <translation>未完成，没有保留任何内容</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>仍在进行中</translation>
    </message>
    <message>
        <source>No imports yet.</source>
        <translation>还没有导入记录。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>In the export: “{key}”</source>
        <translation>在导出中：“{key}”</translation>
    </message>
    <message>
        <source>(empty in the export)</source>
        <translation>（导出中为空）</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Where in the export</source>
        <translation>在导出中的位置</translation>
    </message>
    <message>
        <source>One record</source>
        <translation>一条记录</translation>
    </message>
    <message>
        <source>Times are in your local time; hover over one to see the time stored (UTC).</source>
        <translation>时间以你的本地时间显示；把鼠标悬停在时间上可查看存储的时间（UTC）。</translation>
    </message>
    <message>
        <source>&amp;Fields</source>
        <translation>字段(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Raw JSON</source>
        <translation>原始 JSON(&amp;R)</translation>
    </message>
    <message>
        <source>The record, as fields or as raw JSON</source>
        <translation>这条记录，以字段或原始 JSON 显示</translation>
    </message>
    <message>
        <source>The record as TikTok wrote it (JSON)</source>
        <translation>TikTok 写下的原始记录（JSON）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the record as text</source>
        <translation>把这条记录复制为文本</translation>
    </message>
    <message>
        <source>Copies every field as text (Ctrl+C).</source>
        <translation>把每个字段复制为文本（Ctrl+C）。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>Link: press Enter to open it in your browser</source>
        <translation>链接：按 Enter 在浏览器中打开</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Stored as {time} UTC</source>
        <translation>存储时间：{time} UTC</translation>
    </message>
    <message>
        <source>Local time. Click to sort by time.</source>
        <translation>本地时间。点击按时间排序。</translation>
    </message>
    <message>
        <source>Click to sort by this column.</source>
        <translation>点击即可按此列排序。</translation>
    </message>
    <message>
        <source>These {rows} rows stay sorted by date: sorting by another column works for up to {limit} rows. Filter the rows first to sort them by this column.</source>
        <translation>这 {rows} 行仍按日期排序：按其他列排序最多支持 {limit} 行。请先筛选，再按此列排序。</translation>
    </message>
    <message>
        <source>No time in the export</source>
        <translation>导出文件中没有时间</translation>
    </message>
    <message>
        <source>In the export: “{key}”</source>
        <translation>在导出中：“{key}”</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Tako (TikTok&apos;s AI helper)</source>
        <translation>Tako（TikTok 的 AI 助手）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search everything you imported…</source>
        <translation>搜索你导入的所有内容…</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>搜索词</translation>
    </message>
    <message>
        <source>Search results, grouped by category</source>
        <translation>搜索结果（按类别分组）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>The search did not work.</source>
        <translation>搜索没有成功。</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title}（{n}）</translation>
    </message>
    <message>
        <source>Type words to search everything you imported. Press Enter on a result to open it.</source>
        <translation>输入文字，搜索你导入的所有内容。在结果上按回车键即可打开。</translation>
    </message>
    <message>
        <source>No results for “{query}”.</source>
        <translation>没有找到与“{query}”相关的结果。</translation>
    </message>
    <message>
        <source>Showing the first {n} results for “{query}”. Add words to narrow it down.</source>
        <translation>显示与“{query}”相关的前 {n} 条结果。多输入几个词可以缩小范围。</translation>
    </message>
    <message>
        <source>{n} results for “{query}”.</source>
        <translation>与“{query}”相关的结果共 {n} 条。</translation>
    </message>
    <message>
        <source>1 result for “{query}”.</source>
        <translation>与“{query}”相关的结果共 1 条。</translation>
    </message>
</context>
<context>
    <name>Sensitivity</name>
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
</context>
<context>
    <name>ShareSelector</name>
    <message>
        <source>Share level:</source>
        <translation>分享级别：</translation>
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
        <source>Share level: {level}</source>
        <translation>分享级别：{level}</translation>
    </message>
    <message>
        <source>this category</source>
        <translation>此类别</translation>
    </message>
    <message>
        <source>Shared: your share packages and reports include {title} exactly as imported.</source>
        <translation>分享：你的分享数据包和报告会按导入时的原样包含{title}。</translation>
    </message>
    <message>
        <source>Anonymized: share packages and reports include {title} with names and ids replaced, IP addresses shortened, free text removed and times cut to the day.</source>
        <translation>匿名化：分享数据包和报告会包含{title}，但名字和 ID 被替换、IP 地址被截短、自由文本被删除、时间只保留到日期。</translation>
    </message>
    <message>
        <source>Private: only you see {title}, on this computer. Share packages and reports leave this category out completely, not even the number of records.</source>
        <translation>私密：只有你能在这台电脑上看到{title}。分享数据包和报告完全不包含这一类别，连记录数量也不包含。</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <source>Activity over time</source>
        <translation>随时间变化的活动</translation>
    </message>
    <message>
        <source>Activity by hour of day</source>
        <translation>按一天中各小时统计的活动</translation>
    </message>
    <message>
        <source>No times in this data, so there is no chart.</source>
        <translation>这些数据没有时间信息，因此没有图表。</translation>
    </message>
    <message>
        <source>Your data ends on {day}, so {month} is only partly there (dashed).</source>
        <translation>你的数据截止于 {day}，所以 {month} 只有部分数据（虚线）。</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy&apos;年&apos;M&apos;月&apos;</translation>
    </message>
    <message>
        <source>By hour of day (UTC)</source>
        <translation>按小时统计（UTC）</translation>
    </message>
    <message>
        <source>Hours as TikTok&apos;s export stores them, in UTC.</source>
        <translation>小时按 TikTok 导出文件中存储的时间显示，即 UTC。</translation>
    </message>
    <message>
        <source>Days and months in UTC, as TikTok&apos;s export stores them.</source>
        <translation>日期和月份按 UTC 计算，与 TikTok 导出文件的存储方式相同。</translation>
    </message>
    <message>
        <source>By hour of day, your local time ({zone})</source>
        <translation>按一天中的小时（你的本地时间，{zone}）</translation>
    </message>
    <message>
        <source>Hours in this computer&apos;s time zone ({zone}). TikTok&apos;s export stores every time in UTC; the table shows the stored UTC time when you point at a date.</source>
        <translation>小时按这台电脑的时区（{zone}）显示。TikTok 的导出文件以 UTC 存储所有时间；把鼠标指向表格中的日期，即可看到存储的 UTC 时间。</translation>
    </message>
    <message>
        <source>Days and months in this computer&apos;s time zone ({zone}). The stored times are in UTC.</source>
        <translation>日期和月份按这台电脑的时区（{zone}）计算。存储的时间为 UTC。</translation>
    </message>
    <message>
        <source>MMM&apos;&lt;br&gt;&apos;yyyy</source>
        <translation>yyyy&apos;年&lt;br&gt;&apos;M&apos;月&apos;</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M&apos;月&apos;d&apos;日&apos;</translation>
    </message>
</context>
</TS>
