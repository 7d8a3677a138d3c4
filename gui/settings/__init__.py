"""The Settings page, which composes sections each feature's folder provides (stage thresholds, care, backups,
rep mode): the one face that serves several wings."""
