"""A care task's status: what the task list reads (and the window counts) without the generator's machinery."""


class TaskStatus:
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"
    WITHDRAWN = "withdrawn"
