"""Qt's own strings that its Chinese catalogue lacks, for lupdate to collect and us to translate.

qtbase_zh_CN is loaded, yet Qt's file dialog kept two labels English: Qt 6 renamed them ("Look in:" became
"&Look in:", "Files of type:" became "Files of &type:") and the shipped catalogue still has only the old
texts. Laoke's catalogue, installed after Qt's, answers for these in Qt's own contexts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MISSING_FROM_QTBASE = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
)
