"""detente: where multi-party peace talks really stand, from the news, with evidence."""
__version__ = "0.1.0"
