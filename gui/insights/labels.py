"""The words the Insights page uses for lifecycle stages (as groups: "Prospects", "Loyal fans") and RFM segments.

The translations live in the insights area's .ts file under the context "Lifecycle". The customer pages name
one buyer's stage with gui.customers.labels.CustomerLabels, in the same Chinese words (a test keeps them so).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


# Literal translate() calls, one per word: lupdate finds only those.
def stage_labels() -> dict[str, str]:
    return {
        "prospect": QCoreApplication.translate("Lifecycle", "Prospects"),
        "interested": QCoreApplication.translate("Lifecycle", "Interested"),
        "new": QCoreApplication.translate("Lifecycle", "New"),
        "repeat": QCoreApplication.translate("Lifecycle", "Repeat"),
        "loyal": QCoreApplication.translate("Lifecycle", "Loyal fans"),
        "dormant": QCoreApplication.translate("Lifecycle", "Dormant"),
        "lost": QCoreApplication.translate("Lifecycle", "Lost"),
    }


def segment_labels() -> dict[str, str]:
    return {
        "champions": QCoreApplication.translate("Lifecycle", "Champions"),
        "loyal": QCoreApplication.translate("Lifecycle", "Loyal"),
        "promising": QCoreApplication.translate("Lifecycle", "Promising"),
        "cant_lose": QCoreApplication.translate("Lifecycle", "Can't lose"),
        "at_risk": QCoreApplication.translate("Lifecycle", "At risk"),
        "needs_attention": QCoreApplication.translate("Lifecycle", "Needs attention"),
        "hibernating": QCoreApplication.translate("Lifecycle", "Hibernating"),
        "lost": QCoreApplication.translate("Lifecycle", "Lost"),
    }


def segment_label(key: str) -> str:
    return segment_labels().get(key, key)
