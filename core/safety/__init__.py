"""What keeps the book safe, between the store and the feature wings: hostile-file checks before a workbook
is read (`files`), masking and rep mode (`privacy`), and spreadsheets Excel cannot turn into formulas
(`spreadsheet`)."""
