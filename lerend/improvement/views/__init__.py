"""Views of the improvement cycle, one module per sub-domain (see ``urls``)."""
