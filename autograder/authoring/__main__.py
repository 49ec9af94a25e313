import sys

from .dsl import main

sys.exit(main())
