"""Finding a buyer in a second: the search keys each buyer is indexed by (`keys`: names, nicknames, phones,
order numbers, pinyin) and the queries over them (`query`)."""
