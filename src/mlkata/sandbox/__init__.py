"""The sandbox: the learner's code runs in a child process that only ever sends back data.

:mod:`.child` is the program that runs inside; :mod:`.process` starts, talks to and kills it.
"""
