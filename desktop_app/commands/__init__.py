"""The sub-commands of `istiqbal` (CONTRACTS.md §1), one module per area; never import QtWidgets."""
