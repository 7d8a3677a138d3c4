<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BadRowsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>BadRowsPanel</name>
    <message>
        <source>Save this list…</source>
        <translation>保存这份清单…</translation>
    </message>
    <message>
        <source>An Excel sheet of these rows and why, to fix them in the file</source>
        <translation>把这些行和原因存成 Excel 表，方便回到原文件里修改</translation>
    </message>
    <message>
        <source>%1 - rows that cannot be read.xlsx</source>
        <translation>%1 - 无法读取的行.xlsx</translation>
    </message>
    <message>
        <source>Save this list</source>
        <translation>保存这份清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Rows that cannot be read</source>
        <translation>无法读取的行</translation>
    </message>
</context>
<context>
    <name>CustomerPreviewModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>lunar %1</source>
        <translation>农历 %1</translation>
    </message>
</context>
<context>
    <name>CustomerSheetDialog</name>
    <message>
        <source>Import a customer list</source>
        <translation>导入客户名单</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Apply this mapping</source>
        <translation>按此对应关系重新读取</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Rows that cannot be read</source>
        <translation>无法读取的行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>%1: header on row %2, %Ln customers.</source>
        <translation>
            <numerusform>%1：表头在第 %2 行，共 %Ln 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln customers</source>
        <translation>
            <numerusform>导入 %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows that cannot be read (%1)</source>
        <translation>无法读取的行（%1）</translation>
    </message>
    <message>
        <source>Say under Columns which column holds what (at least a name, phone or WeChat), then apply it.</source>
        <translation>请在“列对应”里说明每一列是什么（至少要有姓名、手机或微信），然后应用。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was saved.</source>
        <translation>已取消导入：没有保存任何内容。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>表格格式</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>New orders</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Turn the order sheets your shop back-end exports into customers.</source>
        <translation>把店铺后台导出的订单表变成客户簿。</translation>
    </message>
    <message>
        <source>Drop order sheets (xlsx, xls or csv) anywhere on this window, or choose them.</source>
        <translation>把订单表（xlsx、xls 或 csv）拖到窗口任意位置，或者选择文件。</translation>
    </message>
    <message>
        <source>Choose order sheets…</source>
        <translation>选择订单表…</translation>
    </message>
    <message>
        <source>Import my own customer list…</source>
        <translation>导入我自己的客户名单…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>表格格式：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Apply this mapping</source>
        <translation>按此对应关系重新读取</translation>
    </message>
    <message>
        <source>Save mapping for files like this…</source>
        <translation>保存对应关系，用于同类文件…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Rows that cannot be read</source>
        <translation>无法读取的行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import more sheets</source>
        <translation>继续导入</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Choose order sheets</source>
        <translation>选择订单表</translation>
    </message>
    <message>
        <source>Order sheets (%1);;All files (*)</source>
        <translation>订单表 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose your customer list</source>
        <translation>选择客户名单</translation>
    </message>
    <message>
        <source>Sheets (%1);;All files (*)</source>
        <translation>表格 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Header on row %1 · rows: %2 · orders: %3</source>
        <translation>表头在第 %1 行 · 行数：%2 · 订单：%3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows cannot be read and will be left out (see the list). Import the rest?</source>
        <translation>
            <numerusform>有 %Ln 行无法读取，将被跳过（见列表）。导入其余的行吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the good rows (%Ln orders)</source>
        <translation>
            <numerusform>导入可读取的行（%Ln 个订单）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln orders</source>
        <translation>
            <numerusform>导入 %Ln 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Which shop is this file?</source>
        <translation>这个文件是哪个店铺的？</translation>
    </message>
    <message>
        <source>%1 does not say which of your shops its orders come from. Shop name (leave empty if you have only one):</source>
        <translation>%1 没有写明订单来自您的哪个店铺。店铺名称（只有一个店铺可留空）：</translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln new customers</source>
        <translation>
            <numerusform>查看这 %Ln 位新客户</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — new customers: %2 · known customers completed: %3 · rows left out: %4</source>
        <translation>%1 — 新增客户：%2 · 补全资料的已有客户：%3 · 跳过的行：%4</translation>
    </message>
    <message>
        <source>%1 — new orders: %2 · updated: %3 · unchanged: %4 · new customers: %5 · returning: %6 · rows left out: %7</source>
        <translation>%1 — 新订单：%2 · 更新：%3 · 未变：%4 · 新客户：%5 · 老客户：%6 · 跳过的行：%7</translation>
    </message>
    <message>
        <source>Rows that cannot be read (%1)</source>
        <translation>无法读取的行（%1）</translation>
    </message>
    <message>
        <source>Laoke does not know this layout: choose it above, or say under Columns which column holds what (at least the order number).</source>
        <translation>老客还不认识这种表格：请在上方选择格式，或在“列对应”里说明每一列是什么（至少要有订单号）。</translation>
    </message>
    <message>
        <source>Every row can be read.</source>
        <translation>所有行都能读取。</translation>
    </message>
    <message>
        <source>My mapping</source>
        <translation>我的对应关系</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存对应关系</translation>
    </message>
    <message>
        <source>Name for this layout:</source>
        <translation>给这种表格起个名字：</translation>
    </message>
    <message>
        <source>Reading the sheet again…</source>
        <translation>正在重新读取表格…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>New from the last import</source>
        <translation>上次导入的新客户</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>没有导入任何内容：%1</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was saved.</source>
        <translation>已取消导入：没有保存任何内容。</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of %1? Its new orders and the customers only it created are removed, and the orders it updated get their earlier values back.</source>
        <translation>撤销 %1 的导入吗？这次导入新增的订单和只由它创建的客户会被删除，它更新过的订单会恢复原来的内容。</translation>
    </message>
    <message>
        <source>Undoing the import of %1…</source>
        <translation>正在撤销 %1 的导入…</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order id across shops</source>
        <translation>跨店铺订单 ID</translation>
    </message>
    <message>
        <source>Sub-order number</source>
        <translation>子订单号</translation>
    </message>
    <message>
        <source>Buyer account</source>
        <translation>买家账号</translation>
    </message>
    <message>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Receiver name</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>收货人手机</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Billing name</source>
        <translation>账单姓名</translation>
    </message>
    <message>
        <source>Billing phone</source>
        <translation>账单电话</translation>
    </message>
    <message>
        <source>Billing address</source>
        <translation>账单地址</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Refund / after-sale status</source>
        <translation>退款/售后状态</translation>
    </message>
    <message>
        <source>Shipping status</source>
        <translation>发货状态</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>取消时间</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单总额</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Refunded amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Refunded of the line</source>
        <translation>该商品行已退款金额</translation>
    </message>
    <message>
        <source>Why the order closed</source>
        <translation>订单关闭原因</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>商品标题</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line amount</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>Seller remark</source>
        <translation>卖家备注</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>(not in this sheet)</source>
        <translation>（表中没有）</translation>
    </message>
</context>
<context>
    <name>PresetNames</name>
    <message>
        <source>Taobao/Tmall order list (ExportOrderList CSV)</source>
        <translation>淘宝/天猫 订单报表（ExportOrderList CSV）</translation>
    </message>
    <message>
        <source>Taobao/Tmall order items (ExportOrderDetailList CSV)</source>
        <translation>淘宝/天猫 宝贝报表（ExportOrderDetailList CSV）</translation>
    </message>
    <message>
        <source>Taobao/Tmall item report CSV (2020)</source>
        <translation>淘宝/天猫 宝贝报表 CSV（2020 版）</translation>
    </message>
    <message>
        <source>Taobao/Tmall Qianniu order report</source>
        <translation>淘宝/天猫 千牛订单报表</translation>
    </message>
    <message>
        <source>Taobao/Tmall Qianniu item report</source>
        <translation>淘宝/天猫 千牛宝贝报表</translation>
    </message>
    <message>
        <source>JD order export (POP CSV)</source>
        <translation>京东 订单导出（POP CSV）</translation>
    </message>
    <message>
        <source>JD Jingmai order details</source>
        <translation>京东 京麦订单明细</translation>
    </message>
    <message>
        <source>Pinduoduo order export</source>
        <translation>拼多多 订单导出</translation>
    </message>
    <message>
        <source>Pinduoduo order export (2020, with receivers)</source>
        <translation>拼多多 订单导出（2020 版，含收货人）</translation>
    </message>
    <message>
        <source>Douyin shop order export</source>
        <translation>抖店 订单导出</translation>
    </message>
    <message>
        <source>Kuaishou shop order export</source>
        <translation>快手小店 订单导出</translation>
    </message>
    <message>
        <source>WeChat shop order export</source>
        <translation>微信小店 订单导出</translation>
    </message>
    <message>
        <source>WeChat shop order export (older V5)</source>
        <translation>视频号小店 订单导出（旧版 V5）</translation>
    </message>
    <message>
        <source>Youzan orders (one row per order)</source>
        <translation>有赞 订单导出（订单维度）</translation>
    </message>
    <message>
        <source>Youzan orders (one row per item)</source>
        <translation>有赞 订单导出（商品维度）</translation>
    </message>
    <message>
        <source>Shopify orders export</source>
        <translation>Shopify 订单导出</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Unknown layout</source>
        <translation>未知格式</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
</context>
</TS>
