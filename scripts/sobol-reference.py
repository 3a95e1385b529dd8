"""
Writes the Sobol direction numbers of src/analysis/sobolDirections.ts and the reference points of
tests/analysis/fixtures/scipy-sobol.json from SciPy, which ships Joe and Kuo's new-joe-kuo-6.21201
table (S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
projections", SIAM J. Sci. Comput. 30, 2635-2654, 2008).

Run once by hand (python3 scripts/sobol-reference.py, SciPy 1.9 or later); the library does not
need Python. The test compares the TypeScript generator with SciPy's unscrambled points bit for bit.
"""
import json
import os

import numpy as np
import scipy
from scipy.stats import qmc

DIMENSIONS = 64
ROOT = os.path.join(os.path.dirname(__file__), '..')

table = np.load(os.path.join(os.path.dirname(scipy.stats.__file__), '_sobol_direction_numbers.npz'))
rows = []
for j in range(1, DIMENSIONS):  # dimension 1 is van der Corput's and needs no numbers
    poly = int(table['poly'][j])
    degree = poly.bit_length() - 1
    a = (poly >> 1) & ((1 << (degree - 1)) - 1)
    m = [int(x) for x in table['vinit'][j][:degree]]
    rows.append(f'  [{degree}, {a}, {", ".join(str(x) for x in m)}], // dimension {j + 1}')

source = f'''/**
 * Direction numbers of the Sobol sequence for dimensions 2 to {DIMENSIONS}, from Joe and Kuo's table
 * new-joe-kuo-6.21201 (S. Joe and F. Y. Kuo, Constructing Sobol sequences with better
 * two-dimensional projections, SIAM J. Sci. Comput. 30, 2635-2654, 2008), as SciPy ships it.
 * Each row is the table's line without its dimension: [s, a, m_1, ..., m_s], where s is the
 * degree of the primitive polynomial, a encodes its inner coefficients (bit s - 1 - k holds
 * the coefficient of x^(s - k)) and m_1..m_s are the initial direction numbers (odd, m_k < 2^k).
 * Written by scripts/sobol-reference.py; tests/analysis/sobolSequence.test.ts checks the points
 * they give against SciPy's bit for bit.
 */
export const JOE_KUO_DIRECTIONS: readonly (readonly number[])[] = [
{chr(10).join(rows)}
];
'''
with open(os.path.join(ROOT, 'src/analysis/sobolDirections.ts'), 'w') as f:
    f.write(source)

# Reference points: the first 16 and a few far ones, as integers (point x 2^30, SciPy's 30 bits).
indices = list(range(16)) + [100, 1023, 1024, 65535, 1000000]
points = {}
for i in indices:
    engine = qmc.Sobol(d=DIMENSIONS, scramble=False, bits=30)
    if i > 0:
        engine.fast_forward(i)
    points[str(i)] = [int(round(x * 2**30)) for x in engine.random(1)[0]]
with open(os.path.join(ROOT, 'tests/analysis/fixtures/scipy-sobol.json'), 'w') as f:
    json.dump({'source': f'scipy {scipy.__version__} qmc.Sobol(d={DIMENSIONS}, scramble=False, bits=30)',
               'scale': 2**30, 'points': points}, f)
    f.write('\n')
