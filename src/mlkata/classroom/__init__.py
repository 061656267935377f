"""Classroom: nbgrader assignments from the catalogue, whole classes graded in parallel.

Every path here grades through :func:`mlkata.judge.grade`, so a submission gets the same
checks and the same score from ``mlkata check``, ``mlkata grade``, nbgrader's ``autograde``
and the Gradescope bundle. The modules, one job each:

- :mod:`.config`: the course's private settings (the secret seed).
- :mod:`.outline`: an exercise's checks and points, listed without grading.
- :mod:`.notebooks`: an exercise as an nbgrader notebook.
- :mod:`.extract`: the code a notebook submission is graded on (its solution cells).
- :mod:`.build`: writing an nbgrader course (``mlkata classroom build``).
- :mod:`.kernel`: what the hidden cells of a notebook call while nbgrader autogrades.
- :mod:`.submission`: reading one submission and grading it in the sandbox.
- :mod:`.discover`: finding every student's submission in a folder.
- :mod:`.runner`: running gradings on a process pool or a Dask cluster.
- :mod:`.outputs`: grades.csv, Gradescope's results.json and the class summary.
- :mod:`.batch`: ``mlkata grade``, tying the above together.
- :mod:`.gradescope`: the Gradescope autograder bundle and what runs inside it.
- :mod:`.cli`: the click commands.

Importing this package (and :mod:`.cli`) stays cheap: nbgrader, nbformat and Dask are
imported only by the functions that need them.
"""
