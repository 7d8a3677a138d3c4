<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Everyone who ever bought from your shop.</source>
        <translation>在你店里买过东西的每一位客户。</translation>
    </message>
    <message>
        <source>Your customer book is empty</source>
        <translation>客户簿还是空的</translation>
    </message>
    <message>
        <source>Import the order sheets your shop back-end exports, or look around a demo shop first.</source>
        <translation>导入店铺后台导出的订单表，或者先看看示例店铺。</translation>
    </message>
    <message>
        <source>Import order sheets…</source>
        <translation>导入订单表…</translation>
    </message>
    <message>
        <source>Open the demo shop</source>
        <translation>打开示例店铺</translation>
    </message>
    <message>
        <source>Customers: %1 · Orders: %2</source>
        <translation>客户：%1 · 订单：%2</translation>
    </message>
</context>
</TS>