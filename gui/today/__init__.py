"""The Today page: the desk a seller opens every morning."""
