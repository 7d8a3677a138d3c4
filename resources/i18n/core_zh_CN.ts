<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>core</name>
    <message>
        <source>Back up a shared PostgreSQL database on its server (pg_dump); Laoke backs up files.</source>
        <translation>共享的 PostgreSQL 数据库请在服务器上备份（pg_dump）；老客只备份数据库文件。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>There is no database at {source} to back up.</source>
        <translation>{source} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>A backup must go to another file than the database itself.</source>
        <translation>备份必须存到数据库本身以外的另一个文件。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{original} was changed or damaged after Laoke copied it (its checksum does not match); it cannot be restored.</source>
        <translation>{original} 在老客复制之后被改动或损坏（校验和不符），无法恢复。</translation>
    </message>
    <message>
        <source>{original} is damaged; it cannot be restored.</source>
        <translation>{original} 已损坏，无法恢复。</translation>
    </message>
    <message>
        <source>{original} lacks parts of a Laoke customer book ({count} tables, columns or indexes); it cannot be restored.</source>
        <translation>{original} 缺少老客客户册的部分内容（{count} 个表、列或索引），无法恢复。</translation>
    </message>
    <message>
        <source>{original} is damaged or not a Laoke database; it cannot be restored.</source>
        <translation>{original} 已损坏或不是老客数据库，无法恢复。</translation>
    </message>
    <message>
        <source>{original} is an SQLite file but not a Laoke customer book.</source>
        <translation>{original} 是 SQLite 文件，但不是老客的客户簿。</translation>
    </message>
    <message>
        <source>{original} was written by a newer version of Laoke (schema {revision}). Update Laoke to restore it.</source>
        <translation>{original} 由更新版本的老客写入（结构版本 {revision}）。请先升级老客再恢复。</translation>
    </message>
    <message>
        <source>Choose a backup file, not the database that is open.</source>
        <translation>请选择一个备份文件，而不是当前打开的数据库。</translation>
    </message>
    <message>
        <source>{path} is not a Laoke backup (it is not an SQLite database file).</source>
        <translation>{path} 不是老客的备份（它不是 SQLite 数据库文件）。</translation>
    </message>
    <message>
        <source>month {month} is not between 1 and 12</source>
        <translation>月份 {month} 不在 1 到 12 之间</translation>
    </message>
    <message>
        <source>{month}/{day} is not a date</source>
        <translation>{month}月{day}日 不是有效日期</translation>
    </message>
    <message>
        <source>lunar day {day} is not between 1 and 30</source>
        <translation>农历日 {day} 不在 1 到 30 之间</translation>
    </message>
    <message>
        <source>lunar year {year} has no leap month {month}</source>
        <translation>农历 {year} 年没有闰{month}月</translation>
    </message>
    <message>
        <source>{path}: expected an object of years, like {{&quot;2027&quot;: {{&quot;spring_festival&quot;: ...}}}}</source>
        <translation>{path}：应为按年份组织的对象，例如 {{&quot;2027&quot;: {{&quot;spring_festival&quot;: ...}}}}</translation>
    </message>
    <message>
        <source>Waiting for another rep&apos;s care planning to finish…</source>
        <translation>正在等待另一位客服完成关怀计划…</translation>
    </message>
    <message>
        <source>{path} is not a readable holidays file: {error}</source>
        <translation>{path} 不是可读取的节假日文件：{error}</translation>
    </message>
    <message>
        <source>{path}: &apos;{year_text}&apos; should be a year holding festival dates</source>
        <translation>{path}：“{year_text}”应为年份，其下列出各节日日期</translation>
    </message>
    <message>
        <source>{path}: {year_text} / {key}: &apos;{text}&apos; is not a date like 2027-02-06</source>
        <translation>{path}：{year_text} / {key}：“{text}”不是 2027-02-06 这样的日期</translation>
    </message>
    <message>
        <source>Changing the care rules</source>
        <translation>修改关怀规则</translation>
    </message>
    <message>
        <source>Changing the care settings</source>
        <translation>修改关怀设置</translation>
    </message>
    <message>
        <source>Snooze to a day after today.</source>
        <translation>请推迟到今天之后的某一天。</translation>
    </message>
    <message>
        <source>Say why the task is skipped.</source>
        <translation>请写明跳过这条任务的原因。</translation>
    </message>
    <message>
        <source>Backing up the customer book</source>
        <translation>备份客户册</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>--to {end} is before --from {start}</source>
        <translation>--to {end} 早于 --from {start}</translation>
    </message>
    <message>
        <source>--customers must be at least 1.</source>
        <translation>--customers 至少为 1。</translation>
    </message>
    <message>
        <source>{database} already holds a shop; the demo goes into an empty database.</source>
        <translation>{database} 里已经有店铺数据；演示店铺只能建在空数据库中。</translation>
    </message>
    <message>
        <source>name at least one FILE to import (or --undo BATCH)</source>
        <translation>请至少指定一个要导入的文件（或 --undo 批次号）</translation>
    </message>
    <message>
        <source>{file} does not say which shop it comes from: its orders are {shop}&apos;s, as the last file like it said; say --shop NAME for another shop.</source>
        <translation>{file} 没有写明来自哪个店铺：按上一个同类文件，订单记为 {shop} 的；其他店铺请用 --shop 店铺名 指明。</translation>
    </message>
    <message>
        <source>{file} does not say which shop it comes from: say --shop NAME to keep its orders apart from another shop&apos;s.</source>
        <translation>{file} 没有写明来自哪个店铺：用 --shop 店铺名 指明，以免与其他店铺的订单混在一起。</translation>
    </message>
    <message>
        <source>Name the buyer with --customer ID to book points.</source>
        <translation>请用 --customer ID 指明要记积分的客户。</translation>
    </message>
    <message>
        <source>There is no customer #{customer_id}.</source>
        <translation>没有客户 #{customer_id}。</translation>
    </message>
    <message>
        <source>{url} is not a PostgreSQL URL (postgresql+psycopg://user@host/name).</source>
        <translation>{url} 不是 PostgreSQL 地址（postgresql+psycopg://用户@主机/库名）。</translation>
    </message>
    <message>
        <source>{url} already holds a shop: --from needs an empty database.</source>
        <translation>{url} 里已经有一家店：--from 需要一个空数据库。</translation>
    </message>
    <message>
        <source>The copy does not match {file}: nothing was moved.</source>
        <translation>复制结果与 {file} 不一致：没有迁移任何数据。</translation>
    </message>
    <message>
        <source>Give the rule&apos;s conditions with --when.</source>
        <translation>请用 --when 给出规则的条件。</translation>
    </message>
    <message>
        <source>Deleting customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Customer #{customer_id} does not exist.</source>
        <translation>客户 #{customer_id} 不存在。</translation>
    </message>
    <message>
        <source>Exporting customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>In rep mode a search by phone is logged for the shop owner, and this book is open read-only, so Laoke cannot log it. Search by name instead, or open the book in a window that can write to it.</source>
        <translation>客服模式下按电话搜索会记录给店主查看，而此客户簿以只读方式打开，老客无法记录。请改用姓名搜索，或在可写入的窗口中打开客户簿。</translation>
    </message>
    <message>
        <source>“{text}”: {count:,} found ({ids})</source>
        <translation>“{text}”：找到 {count:,} 位（{ids}）</translation>
    </message>
    <message>
        <source>Undoing a merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Choose two different customers to merge.</source>
        <translation>请选择两个不同的客户进行合并。</translation>
    </message>
    <message>
        <source>This merge does not exist or was already undone.</source>
        <translation>这次合并不存在或已被撤销。</translation>
    </message>
    <message>
        <source>One of the merged customers was deleted since; the merge cannot be undone.</source>
        <translation>被合并的客户之一已被删除，这次合并无法撤销。</translation>
    </message>
    <message>
        <source>Customer #{number} does not exist or was already merged.</source>
        <translation>客户 #{number} 不存在或已被合并。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Deleting notes</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <source>Customer #{customer_id} does not exist (or was merged into another).</source>
        <translation>客户 #{customer_id} 不存在（或已合并到其他客户）。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>Note #{note_id} does not exist.</source>
        <translation>备注 #{note_id} 不存在。</translation>
    </message>
    <message>
        <source>The note is empty: delete it instead.</source>
        <translation>备注是空的：如不需要请直接删除。</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a profile field that can be edited.</source>
        <translation>“{key}”不是可编辑的资料字段。</translation>
    </message>
    <message>
        <source>The {field} is longer than {limit} characters.</source>
        <translation>{field}超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an email address.</source>
        <translation>“{text}”不是邮箱地址。</translation>
    </message>
    <message>
        <source>The gender is F, M or empty.</source>
        <translation>性别只能是 F、M 或留空。</translation>
    </message>
    <message>
        <source>A segment needs a name.</source>
        <translation>分组需要一个名称。</translation>
    </message>
    <message>
        <source>A hand-picked list of customers cannot be saved as a segment; tag them instead.</source>
        <translation>手动挑选的客户名单不能保存为分组；请给他们打标签。</translation>
    </message>
    <message>
        <source>Merging tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Deleting tags</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要一个名称。</translation>
    </message>
    <message>
        <source>The tag name &apos;{cleaned}…&apos; is longer than 64 characters.</source>
        <translation>标签名“{cleaned}…”超过了 64 个字符。</translation>
    </message>
    <message>
        <source>The tag &apos;{name}&apos; already exists.</source>
        <translation>标签“{name}”已存在。</translation>
    </message>
    <message>
        <source>The tag &apos;{new_name}&apos; already exists: merge the two tags instead.</source>
        <translation>标签“{new_name}”已存在：请改为合并这两个标签。</translation>
    </message>
    <message>
        <source>Choose two different tags to merge.</source>
        <translation>请选择两个不同的标签进行合并。</translation>
    </message>
    <message>
        <source>Changing the stage thresholds</source>
        <translation>修改生命周期阶段阈值</translation>
    </message>
    <message>
        <source>Waiting for another rep&apos;s import to finish…</source>
        <translation>正在等待另一位客服的导入完成…</translation>
    </message>
    <message>
        <source>Undoing an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>{file} names no buyers: its {orders} orders are imported, but no customer is created, so the book shows the orders and the shop&apos;s revenue, not who bought them (no stages, care tasks or repeat buyers from this file). The export with the buyers&apos; columns (Taobao&apos;s 订单报表 with 买家会员名, Pinduoduo&apos;s export with receivers) or a customer sheet adds them: its orders with the same numbers then attach to their buyers.</source>
        <translation>{file} 没有买家信息：其中 {orders} 个订单会导入，但不会建立客户，客户簿只显示订单和店铺营收，看不出是谁买的（这个文件不产生客户阶段、关怀任务或回头客）。导入带买家列的导出（淘宝含买家会员名的订单报表、拼多多含收货人的导出）或客户表即可补上：订单号相同的订单会归到对应买家名下。</translation>
    </message>
    <message>
        <source>{file}, column {column}: &apos;{text}&apos; is stored as empty ({reason}); rows: {count}, the first is row {row}.</source>
        <translation>{file}，{column} 列：“{text}” 按空值保存（{reason}）；共 {count} 行，第一处在第 {row} 行。</translation>
    </message>
    <message>
        <source>order {number} has no row with its amount or status: its own row is missing or could not be read</source>
        <translation>订单 {number} 没有一行写明金额或状态：它本身那一行缺失或无法读取</translation>
    </message>
    <message>
        <source>{file}, row {row}: a cell is longer than {limit:,} characters, or a quote (&quot;) opened there is never closed. Check the row in Excel or a text editor; nothing was imported.</source>
        <translation>{file} 第 {row} 行：有单元格超过 {limit:,} 个字符，或该处的引号（&quot;）没有闭合。请在 Excel 或文本编辑器中检查这一行；没有导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is not a file but a device or a pipe; Laoke reads only sheet files.</source>
        <translation>{file} 不是文件，而是设备或管道；老客只读取表格文件。</translation>
    </message>
    <message>
        <source>{file} is {size:,} MB; Laoke reads sheets of up to {limit:,} MB. Split the export into smaller files.</source>
        <translation>{file} 有 {size:,} MB；老客最多读取 {limit:,} MB 的表格。请把导出拆成较小的文件。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is no order number</source>
        <translation>“{text}”不是订单号</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is a negative amount</source>
        <translation>“{text}” 是负数金额</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is no time an order was placed (before 2000 or after tomorrow)</source>
        <translation>“{text}” 不可能是下单时间（早于 2000 年或晚于明天）</translation>
    </message>
    <message>
        <source>Changing the loyalty settings</source>
        <translation>修改会员设置</translation>
    </message>
    <message>
        <source>Say why: a points adjustment or redemption needs a note.</source>
        <translation>请写明原因：积分调整或兑换需要备注。</translation>
    </message>
    <message>
        <source>The number of points must not be zero.</source>
        <translation>积分数不能为零。</translation>
    </message>
    <message>
        <source>Points per yuan must be between 0 and 1000.</source>
        <translation>每元积分须在 0 到 1000 之间。</translation>
    </message>
    <message>
        <source>Points expire never or at the end of the next year, not {expiry}.</source>
        <translation>积分只能永不过期或次年年底过期，不能是 {expiry}。</translation>
    </message>
    <message>
        <source>{name} has {balance} points, fewer than the {points} to redeem.</source>
        <translation>{name} 只有 {balance} 积分，不足兑换所需的 {points}。</translation>
    </message>
    <message>
        <source>The repurchase model could not be fitted to this shop&apos;s orders.</source>
        <translation>无法用本店订单拟合回购模型。</translation>
    </message>
    <message>
        <source>Every reward needs a name of its own.</source>
        <translation>每个奖励都需要一个不重复的名称。</translation>
    </message>
    <message>
        <source>The shop has no reward called {name}.</source>
        <translation>本店没有名为 {name} 的奖励。</translation>
    </message>
    <message>
        <source>Name one of the buyer&apos;s orders for {name}: {number} is not one.</source>
        <translation>请为 {name} 指明该客户的一笔订单：{number} 不是其订单。</translation>
    </message>
    <message>
        <source>Order {number} paid ¥{paid}, less than the ¥{minimum} {name} needs.</source>
        <translation>订单 {number} 实付 ¥{paid}，不足 {name} 所需的 ¥{minimum}。</translation>
    </message>
    <message>
        <source>A reward needs a name of at most {length} characters.</source>
        <translation>奖励名称不能为空，且最多 {length} 个字。</translation>
    </message>
    <message>
        <source>A reward gives some yuan and either costs points or needs an order of a minimum spend: {name}</source>
        <translation>奖励须给出一定金额，并且要么消耗积分，要么要求订单满一定金额：{name}</translation>
    </message>
    <message>
        <source>{name} was already used with order {number}.</source>
        <translation>订单 {number} 已经用过 {name}。</translation>
    </message>
    <message>
        <source>Changing the tag rules</source>
        <translation>修改标签规则</translation>
    </message>
    <message>
        <source>That tag rule was deleted meanwhile.</source>
        <translation>该标签规则已被删除。</translation>
    </message>
    <message>
        <source>A tag rule cannot ask about {kind}.</source>
        <translation>标签规则不能按 {kind} 判断。</translation>
    </message>
    <message>
        <source>Say which text the product title should contain.</source>
        <translation>请填写商品标题应包含的文字。</translation>
    </message>
    <message>
        <source>A tag rule&apos;s number must be zero or more.</source>
        <translation>标签规则中的数字不能小于零。</translation>
    </message>
    <message>
        <source>Choose at least one value for each condition.</source>
        <translation>每个条件至少选择一个值。</translation>
    </message>
    <message>
        <source>A tag rule needs the name of the tag it gives.</source>
        <translation>标签规则需要填写要打的标签名。</translation>
    </message>
    <message>
        <source>A tag rule needs at least one condition.</source>
        <translation>标签规则至少需要一个条件。</translation>
    </message>
    <message>
        <source>Every member tier needs a name of its own.</source>
        <translation>每个会员等级都需要一个不重复的名称。</translation>
    </message>
    <message>
        <source>Each member tier needs a higher threshold than the tier below it.</source>
        <translation>每个会员等级的门槛须高于下一级。</translation>
    </message>
    <message>
        <source>Tiers go by spend or by points, not {basis}.</source>
        <translation>会员等级按消费或积分评定，不能按 {basis}。</translation>
    </message>
    <message>
        <source>The spending window must be at least one day.</source>
        <translation>消费统计期至少为一天。</translation>
    </message>
    <message>
        <source>Reading the activity log</source>
        <translation>查看操作记录</translation>
    </message>
    <message>
        <source>Revealed a phone</source>
        <translation>查看了完整手机号</translation>
    </message>
    <message>
        <source>Revealed a phone (care task)</source>
        <translation>查看了完整手机号（关怀任务）</translation>
    </message>
    <message>
        <source>Searched by phone</source>
        <translation>按手机号搜索</translation>
    </message>
    <message>
        <source>Exported customers</source>
        <translation>导出了客户</translation>
    </message>
    <message>
        <source>Deleted customers</source>
        <translation>删除了客户</translation>
    </message>
    <message>
        <source>Set the owner&apos;s passphrase</source>
        <translation>设置了店主密码</translation>
    </message>
    <message>
        <source>Changed the owner&apos;s passphrase</source>
        <translation>修改了店主密码</translation>
    </message>
    <message>
        <source>Removed the owner&apos;s passphrase</source>
        <translation>移除了店主密码</translation>
    </message>
    <message>
        <source>Unlocked as the owner</source>
        <translation>以店主身份解锁</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入了订单</translation>
    </message>
    <message>
        <source>Undid an import</source>
        <translation>撤销了一次导入</translation>
    </message>
    <message>
        <source>Merged buyers</source>
        <translation>合并了客户</translation>
    </message>
    <message>
        <source>Wrote a note</source>
        <translation>写了备注</translation>
    </message>
    <message>
        <source>Did a care task</source>
        <translation>完成了关怀任务</translation>
    </message>
    <message>
        <source>Skipped a care task</source>
        <translation>跳过了关怀任务</translation>
    </message>
    <message>
        <source>{name} merged in, since undone</source>
        <translation>并入了 {name}（已撤销）</translation>
    </message>
    <message>
        <source>{name} merged in</source>
        <translation>并入了 {name}</translation>
    </message>
    <message>
        <source>{file}: the sheet {name} reaches row {rows:,} and column {columns:,} ({cells:,} cells from A1); Laoke reads sheets of up to {limit:,} cells. Delete what lies beyond the orders, or split the export.</source>
        <translation>{file}：工作表 {name} 延伸到第 {rows:,} 行、第 {columns:,} 列（从 A1 起共 {cells:,} 个单元格）；老客最多读取 {limit:,} 个单元格的工作表。请删除订单以外的内容，或拆分导出。</translation>
    </message>
    <message>
        <source>Care task #{task_id}</source>
        <translation>关怀任务 #{task_id}</translation>
    </message>
    <message>
        <source>The owner&apos;s passphrase is already set; change it with the current one.</source>
        <translation>店主口令已经设置；请用当前口令修改。</translation>
    </message>
    <message>
        <source>Care task #{task_id} does not exist.</source>
        <translation>关怀任务 #{task_id} 不存在。</translation>
    </message>
    <message>
        <source>The disk holding {path} has {free} MB free; this import needs about {needed} MB (a copy of the customer book before the import, and room for the new rows). Free some space and try again. Nothing was saved.</source>
        <translation>{path} 所在磁盘只剩 {free} MB；这次导入大约需要 {needed} MB（导入前的客户册备份，以及新数据的空间）。请腾出空间后重试。没有保存任何内容。</translation>
    </message>
    <message>
        <source>The connection to the server dropped; nothing was saved, trying again ({attempt} of {attempts})…</source>
        <translation>与服务器的连接断开了；没有保存任何内容，正在重试（第 {attempt} 次，共 {attempts} 次）…</translation>
    </message>
    <message>
        <source>Another rep changed the same customers at the same moment; trying again ({attempt} of {attempts})…</source>
        <translation>另一位客服同时修改了相同的客户，正在重试（第 {attempt} 次，共 {attempts} 次）…</translation>
    </message>
    <message>
        <source>The database {label} reported an error: {text}</source>
        <translation>数据库 {label} 报告了错误：{text}</translation>
    </message>
    <message>
        <source>The database {label} is busy: another Laoke window or program is writing to it. Try again.</source>
        <translation>数据库 {label} 正忙：另一个老客窗口或程序正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>The database {label} is read-only: Laoke cannot save changes to it.</source>
        <translation>数据库 {label} 是只读的：老客无法保存修改。</translation>
    </message>
    <message>
        <source>The disk holding {label} is full: free some space and try again. Nothing was saved.</source>
        <translation>存放 {label} 的磁盘已满：请清理一些空间后重试。本次没有保存任何内容。</translation>
    </message>
    <message>
        <source>Cannot open the database {label}: check that the folder exists and is writable.</source>
        <translation>无法打开数据库 {label}：请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Cannot reach the server for {label}: check that it is running and the network is up. Nothing was saved.</source>
        <translation>无法连接 {label} 的服务器：请检查服务器是否在运行、网络是否正常。没有保存任何内容。</translation>
    </message>
    <message>
        <source>The database {label} is damaged. Restore it from a backup.</source>
        <translation>数据库 {label} 已损坏。请从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Laoke database file.</source>
        <translation>{path} 是文件夹，不是老客数据库文件。</translation>
    </message>
    <message>
        <source>{path} is not a Laoke database (it is not an SQLite file).</source>
        <translation>{path} 不是老客数据库（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>Cannot create the folder {parent}: {reason}.</source>
        <translation>无法创建文件夹 {parent}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is not a usable login name: use lower-case letters, digits and _ (up to 63).</source>
        <translation>{name} 不能用作登录名：请使用小写字母、数字和 _（最多 63 个）。</translation>
    </message>
    <message>
        <source>{tool} is not installed: install PostgreSQL&apos;s client tools (Debian: apt-get install postgresql-client), or run {tool} on the server.</source>
        <translation>未安装 {tool}：请安装 PostgreSQL 客户端工具（Debian：apt-get install postgresql-client），或在服务器上运行 {tool}。</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} 失败：{reason}</translation>
    </message>
    <message>
        <source>Restore into a new, empty database: {database} already holds tables.</source>
        <translation>请恢复到一个新的空数据库：{database} 里已经有表。</translation>
    </message>
    <message>
        <source>The disk is full{where}: free some space and try again. Nothing was saved.</source>
        <translation>磁盘已满{where}：请清理一些空间后重试。本次没有保存任何内容。</translation>
    </message>
    <message>
        <source>Laoke is not allowed to write there{where}: choose another folder or check its permissions.</source>
        <translation>老客没有权限写入该位置{where}：请换一个文件夹或检查权限。</translation>
    </message>
    <message>
        <source>{file} · new orders: {orders_new:,} · updated: {orders_updated:,} · new customers: {customers_new:,}</source>
        <translation>{file} · 新订单：{orders_new:,} · 更新：{orders_updated:,} · 新客户：{customers_new:,}</translation>
    </message>
    <message>
        <source>{file} holds {count:,} parts; a workbook has far fewer. It was not read.</source>
        <translation>{file} 包含 {count:,} 个部件，正常工作簿远没有这么多。未读取该文件。</translation>
    </message>
    <message>
        <source>{file} holds two parts with the same name; it was not read.</source>
        <translation>{file} 包含两个同名部件，未读取该文件。</translation>
    </message>
    <message>
        <source>{file}: the part {filename} is shorter than it says; it is damaged.</source>
        <translation>{file}：部件 {filename} 比声明的短，文件已损坏。</translation>
    </message>
    <message>
        <source>{file} is not a readable xlsx workbook: it is incomplete or damaged, or protected with a password. Open it in Excel or WPS and save it again without a password.</source>
        <translation>{file} 不是可读取的 xlsx 工作簿：它不完整、已损坏或设有密码。请用 Excel 或 WPS 打开，不设密码重新保存。</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be read ({error}).</source>
        <translation>{file} 已损坏，无法读取（{error}）。</translation>
    </message>
    <message>
        <source>{file}: the part {name} is not well-formed XML ({error}).</source>
        <translation>{file}：部件 {name} 不是格式正确的 XML（{error}）。</translation>
    </message>
    <message>
        <source>{file}: the part {filename} is larger than it says; it was not read.</source>
        <translation>{file}：部件 {filename} 比声明的大，未读取。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a birthday (write it like 1990-03-08, 3月8日 or 农历八月十五)</source>
        <translation>“{text}”不是生日（请写成 1990-03-08、3月8日 或 农历八月十五）</translation>
    </message>
    <message>
        <source>Customers: {count:,}</source>
        <translation>客户：{count:,}</translation>
    </message>
    <message>
        <source>Laoke exports customers as .xlsx or .csv, not &apos;{suffix}&apos;: {path}</source>
        <translation>老客只能把客户导出为 .xlsx 或 .csv，不能导出为“{suffix}”：{path}</translation>
    </message>
    <message>
        <source>{file} · customers: {count:,}</source>
        <translation>{file} · 客户：{count:,}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a phone number: a mobile like 13812345678, a landline with its area code like 010-12345678, or a number abroad with its + code.</source>
        <translation>“{text}”不是电话号码：手机号如 13812345678，座机请带区号如 010-12345678，境外号码请带 + 国家代码。</translation>
    </message>
    <message>
        <source>{file} is not a customer sheet Laoke can read: no row names a column such as 姓名, 昵称, 手机 or 微信.</source>
        <translation>{file} 不是老客能读取的客户表：没有哪一行含有姓名、昵称、手机或微信这样的列名。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a birthday: {error}</source>
        <translation>“{text}”不是生日：{error}</translation>
    </message>
    <message>
        <source>{file} has a header row but no customers below it.</source>
        <translation>{file} 有表头，但下面没有客户。</translation>
    </message>
    <message>
        <source>no order number</source>
        <translation>没有订单号</translation>
    </message>
    <message>
        <source>{file} is not an order sheet Laoke knows: no row names an order-number column. Choose a preset or map the columns yourself.</source>
        <translation>{file} 不是老客认识的订单表：没有哪一行含有订单号列。请选择一个预设，或自己对应各列。</translation>
    </message>
    <message>
        <source>{file} has a header row but no orders below it.</source>
        <translation>{file} 有表头，但下面没有订单。</translation>
    </message>
    <message>
        <source>{file} is empty: it holds no rows.</source>
        <translation>{file} 是空的：没有任何行。</translation>
    </message>
    <message>
        <source>{file} is password-protected (JD sends the password by text message): open it in Excel or WPS with the password, save it without one, and import that copy.</source>
        <translation>{file} 设有密码（京东会用短信发送密码）：请用 Excel 或 WPS 输入密码打开，不设密码另存一份，再导入那份。</translation>
    </message>
    <message>
        <source>{file} is a PDF document, not a sheet: export the orders as Excel or CSV.</source>
        <translation>{file} 是 PDF 文档，不是表格：请把订单导出为 Excel 或 CSV。</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} 是空文件。</translation>
    </message>
    <message>
        <source>{file} is a binary file, not a sheet Laoke can read.</source>
        <translation>{file} 是二进制文件，不是老客能读取的表格。</translation>
    </message>
    <message>
        <source>{file} is not text in any encoding Laoke knows; is it really a sheet?</source>
        <translation>{file} 不是老客认识的任何编码的文本；它真的是表格吗？</translation>
    </message>
    <message>
        <source>{path} is a folder, not a sheet.</source>
        <translation>{path} 是文件夹，不是表格。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <source>&apos;{channel}&apos; is not a contact channel ({channels})</source>
        <translation>“{channel}”不是联系方式（可选：{channels}）</translation>
    </message>
    <message>
        <source>nothing was imported (--strict): {count} of the rows cannot be read</source>
        <translation>未导入任何数据（--strict）：有 {count} 行无法读取</translation>
    </message>
    <message>
        <source>{file} would unpack to {size:.1f} GiB; Laoke reads workbooks up to {limit:.0f} GiB. Split the export into smaller files.</source>
        <translation>{file} 解压后将达 {size:.1f} GiB；老客最多读取 {limit:.0f} GiB 的工作簿。请把导出拆成几个小文件。</translation>
    </message>
    <message>
        <source>{file}: the part {name} would unpack to {size:.1f} GiB; it was not read. Split the export into smaller files.</source>
        <translation>{file}：部件 {name} 解压后将达 {size:.1f} GiB，未读取。请把导出拆成几个小文件。</translation>
    </message>
    <message>
        <source>{file}: the part {name} inflates {ratio:,} times, as a zip bomb does; it was not read.</source>
        <translation>{file}：部件 {name} 解压后膨胀 {ratio:,} 倍，这是压缩炸弹的特征，未读取。</translation>
    </message>
    <message>
        <source>{file}: the part {name} declares a DTD or entities ({kind}), which order sheets never do; it was not read.</source>
        <translation>{file}：部件 {name} 声明了 DTD 或实体（{kind}），订单表从不这样做，未读取。</translation>
    </message>
    <message>
        <source>{file}: the header row (row {row}) has no column for the order number that the preset &apos;{preset}&apos; expects.</source>
        <translation>{file}：表头（第 {row} 行）缺少预设“{preset}”所需的订单号列。</translation>
    </message>
    <message>
        <source>There is no preset &apos;{preset_key}&apos;. Known presets: {presets}.</source>
        <translation>没有名为“{preset_key}”的预设。已知预设：{presets}。</translation>
    </message>
    <message>
        <source>{file} looks like an Excel workbook but cannot be opened (damaged or incomplete): {error}</source>
        <translation>{file} 看起来是 Excel 工作簿，但无法打开（已损坏或不完整）：{error}</translation>
    </message>
    <message>
        <source>{file} is not text in a known encoding; is it really a sheet?</source>
        <translation>{file} 不是已知编码的文本；它真的是表格吗？</translation>
    </message>
    <message>
        <source>{file}: the sheet &apos;{name}&apos; cannot be read (damaged file): {error}</source>
        <translation>{file}：工作表“{name}”无法读取（文件已损坏）：{error}</translation>
    </message>
    <message>
        <source>There is no import #{batch_id}.</source>
        <translation>没有第 #{batch_id} 次导入。</translation>
    </message>
    <message>
        <source>The import of {file} (#{batch_id}) was already undone.</source>
        <translation>{file} 的导入（#{batch_id}）已经撤销过了。</translation>
    </message>
    <message>
        <source>Undo the later import of {later} first: it may have changed the same orders.</source>
        <translation>请先撤销之后导入的 {later}：它可能改动了相同的订单。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is a number Excel already rounded; export the sheet again and import it without opening and saving it in Excel</source>
        <translation>“{text}”是已被 Excel 四舍五入的数字；请重新导出表格，不要在 Excel 中打开保存，直接导入</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount</source>
        <translation>“{text}”不是金额</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a whole number</source>
        <translation>“{raw}”不是整数</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date and time</source>
        <translation>“{text}”不是日期时间</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is a phone number Excel already rounded</source>
        <translation>“{text}”是已被 Excel 四舍五入的电话号码</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a valid date</source>
        <translation>“{text}”不是有效日期</translation>
    </message>
    <message>
        <source>Active buyers must have bought within fewer days ({active_days}) than the dormant limit ({dormant_days}), and at least 1.</source>
        <translation>活跃买家的天数（{active_days}）必须少于沉睡界限（{dormant_days}），且至少为 1。</translation>
    </message>
    <message>
        <source>A repeat buyer needs at least 2 paid orders and fewer ({repeat_min_orders}) than a loyal fan ({loyal_min_orders}).</source>
        <translation>复购客至少需要 2 笔已付款订单，且少于忠实粉丝的笔数（{repeat_min_orders} 应小于 {loyal_min_orders}）。</translation>
    </message>
    <message>
        <source>{database} holds tables that are not a Laoke customer book.</source>
        <translation>{database} 中的数据表不属于老客客户簿。</translation>
    </message>
    <message>
        <source>{database} was written by a newer version of Laoke (schema {revision}). Update Laoke to open it.</source>
        <translation>{database} 由更新版本的老客写入（结构版本 {revision}）。请先升级老客再打开。</translation>
    </message>
    <message>
        <source>The owner&apos;s passphrase needs at least 4 characters.</source>
        <translation>店主口令至少需要 4 个字符。</translation>
    </message>
    <message>
        <source>The owner&apos;s passphrase is wrong.</source>
        <translation>店主口令不正确。</translation>
    </message>
    <message>
        <source>{action} is switched off in rep mode. Ask the shop owner.</source>
        <translation>客服模式下不能{action}。请联系店主。</translation>
    </message>
</context>
</TS>
