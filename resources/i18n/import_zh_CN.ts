<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
</TS>
