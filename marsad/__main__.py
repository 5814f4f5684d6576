"""``python -m marsad``: the same as the ``marsad`` command."""

from marsad.cli.main import main

main()
