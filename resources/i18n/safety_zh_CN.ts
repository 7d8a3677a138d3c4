<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity log</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Newest first. On a team server each entry names the rep&apos;s login; on this computer alone, &quot;This computer&quot;. Double-click an entry to open its customer.</source>
        <translation>最新的在前。团队服务器上每条记录显示客服的登录名；单机使用时显示“本机”。双击一条记录可打开对应客户。</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>还没有任何记录。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Switched off in rep mode: backups hold every phone unmasked. Ask the shop owner.</source>
        <translation>客服模式下已关闭：备份包含所有未隐藏的电话号码。请联系店主。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>This shop&apos;s database is on a server; back it up there (for PostgreSQL, with pg_dump).</source>
        <translation>这家店的数据库在服务器上，请在服务器上备份（PostgreSQL 用 pg_dump）。</translation>
    </message>
    <message>
        <source>Back up the customer book</source>
        <translation>备份客户簿</translation>
    </message>
    <message>
        <source>Laoke database (*.db);;All files (*)</source>
        <translation>老客数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>已备份到 %1。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>This window opened the database read-only, so it cannot restore a backup into it.</source>
        <translation>此窗口以只读方式打开数据库，不能把备份恢复进去。</translation>
    </message>
    <message>
        <source>Replace the customer book with the backup %1?

Laoke checks the backup first, and keeps the customer book as it is now as a backup, so you can go back.</source>
        <translation>用备份 %1 替换现在的客户簿吗？

老客会先检查备份，并把现在的客户簿另存为一份备份，随时可以恢复回来。</translation>
    </message>
    <message>
        <source>Restored from %1.</source>
        <translation>已从 %1 恢复。</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Daily, on first start</source>
        <translation>每日首次启动</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入之前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级之前</translation>
    </message>
    <message>
        <source>This shop&apos;s database is on a server; back it up there (for PostgreSQL, with pg_dump).</source>
        <translation>这家店的数据库在服务器上，请在服务器上备份（PostgreSQL 用 pg_dump）。</translation>
    </message>
    <message>
        <source>Laoke backs up the customer book on the first start of each day and before an import that follows a change, and keeps the newest %1 copies of each kind in %2.</source>
        <translation>老客在每天第一次启动时、以及客户册有改动后的导入之前备份客户册，每种备份保留最新的 %1 份，存放在 %2。</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <source>The database file or its folder is read-only, so Laoke opens it read-only: you can look but not change anything. To work in it, copy it to a folder you can write to, or ask whoever manages this computer for write access.</source>
        <translation>数据库文件或所在文件夹是只读的，老客以只读方式打开：可以查看，但不能修改。要继续使用，请把它复制到可写的文件夹，或请电脑管理员开放写入权限。</translation>
    </message>
    <message>
        <source>Laoke is already open on this database in another window. This window opens it read-only, so the two never write over each other: make changes in the other window.</source>
        <translation>另一个老客窗口已经打开了这个数据库。此窗口以只读方式打开，避免两个窗口互相覆盖：请在另一个窗口中修改。</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>已以只读方式打开</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>Something went wrong that Laoke did not expect: %1
What was not finished was not saved. Copy the details for a support request; they are also in the log file.</source>
        <translation>老客遇到了意外错误：%1
未完成的操作没有保存。请复制详细信息用于求助；这些信息也记录在日志文件中。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>OwnerOnly</name>
    <message>
        <source>Switched off in rep mode: only the shop owner may do this. The owner unlocks this run with File ▸ Unlock as the owner…</source>
        <translation>客服模式下已关闭：只有店主可以执行此操作。店主可通过“文件 ▸ 以店主身份解锁…”解锁本次运行。</translation>
    </message>
</context>
<context>
    <name>RepModeControls</name>
    <message>
        <source>&amp;Unlock as the owner…</source>
        <translation>以店主身份解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>Back to rep &amp;mode</source>
        <translation>回到客服模式(&amp;M)</translation>
    </message>
    <message>
        <source>Mask phones and switch the owner&apos;s actions off again, before a rep uses this computer</source>
        <translation>在客服使用这台电脑前，重新隐藏电话并关闭店主专用操作</translation>
    </message>
    <message>
        <source>Rep mode: phones masked · Unlock…</source>
        <translation>客服模式：电话已隐藏 · 解锁…</translation>
    </message>
    <message>
        <source>The shop owner unlocks this run with the owner&apos;s passphrase</source>
        <translation>店主用店主口令解锁本次运行</translation>
    </message>
    <message>
        <source>Owner, until Laoke closes · Back to rep mode</source>
        <translation>店主模式，直到老客关闭 · 回到客服模式</translation>
    </message>
</context>
<context>
    <name>RepModeSection</name>
    <message>
        <source>Rep mode</source>
        <translation>客服模式</translation>
    </message>
    <message>
        <source>For a computer your reps use: once the owner&apos;s passphrase is set, Laoke starts every time in rep mode. Phones and addresses are shown masked (138****1234); export, backup, restore, undo, delete and settings are switched off; revealing one buyer&apos;s phone is logged. The passphrase unlocks this run only.</source>
        <translation>适用于客服使用的电脑：设置店主口令后，老客每次启动都进入客服模式。电话和地址隐藏显示（138****1234）；导出、备份、恢复、撤销、删除和设置均被关闭；查看某位买家的电话会被记录。口令只解锁本次运行。</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <source>Set the owner&apos;s passphrase</source>
        <translation>设置了店主密码</translation>
    </message>
    <message>
        <source>Owner&apos;s passphrase:</source>
        <translation>店主口令：</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>the owner&apos;s passphrase</source>
        <translation>店主口令</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Rep mode is on</source>
        <translation>客服模式已开启</translation>
    </message>
    <message>
        <source>Rep mode is off</source>
        <translation>客服模式已关闭</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>Change the passphrase (type the current one above)</source>
        <translation>修改口令（先在上面输入当前口令）</translation>
    </message>
    <message>
        <source>Unlock as the owner for this run</source>
        <translation>以店主身份解锁本次运行</translation>
    </message>
    <message>
        <source>The owner&apos;s passphrase is set. From the next start on, Laoke starts in rep mode; keep the passphrase safe: only it unlocks a run.</source>
        <translation>店主口令已设置。从下次启动起，老客将以客服模式启动；请妥善保管口令：只有它能解锁一次运行。</translation>
    </message>
    <message>
        <source>Rep mode is off until Laoke closes.</source>
        <translation>客服模式已关闭，直到老客关闭为止。</translation>
    </message>
    <message>
        <source>Switch rep mode on</source>
        <translation>开启客服模式</translation>
    </message>
    <message>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>两次输入的口令不一致，请输入相同的口令。</translation>
    </message>
    <message>
        <source>The owner&apos;s passphrase is changed.</source>
        <translation>店主口令已修改。</translation>
    </message>
    <message>
        <source>Rep mode is on: phones and addresses are masked, export and delete are off.</source>
        <translation>客服模式已开启：手机号和地址已打码，导出和删除已关闭。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock as the owner</source>
        <translation>以店主身份解锁</translation>
    </message>
    <message>
        <source>Laoke is in rep mode: phones and addresses are masked, and export, backup, restore, undo, delete and settings are switched off. The owner&apos;s passphrase unlocks them until Laoke closes; the next start is in rep mode again.</source>
        <translation>老客处于客服模式：电话和地址已隐藏，导出、备份、恢复、撤销、删除和设置均已关闭。店主口令可解锁这些操作，直到老客关闭；下次启动仍为客服模式。</translation>
    </message>
    <message>
        <source>the owner&apos;s passphrase</source>
        <translation>店主口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
</TS>
