"""One BLAS thread per process, unless the user set otherwise.

The small spaCy model's matrices are too small for BLAS threads to pay; their spinning costs
about a tenth of the CPU time and takes the cores that extraction's worker processes need.
Imported by ``ingest.extract`` before anything brings in numpy (the variables are read when
the BLAS library loads).
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
