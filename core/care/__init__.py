"""The care calendar: rules that say whom to greet, thank, remind or win back, and the tasks they generate.

- `rules`: each rule's defaults, parameters, filters and message template, stored in `CareRule` rows.
- `holidays`: Chinese festivals and shopping days per year, with a user-editable override file.
- `templates`: placeholders, filling a message for one customer, and the SMS counter.
- `occasions`: what each rule finds (a birthday, an unpaid order, a buyer turning dormant...).
- `generate`: turning occasions into tasks, idempotently, under do-not-contact, the frequency cap and the send
  window; withdrawing tasks whose reason vanished.
- `tasks`: listing tasks and working them (done, snooze, skip).
- `export`: the task list to xlsx and the calendar to .ics.
"""
