"""What jdpx's Python baselines share (imported by numpy_peer.py and cupy_peer.py, which
org.jdpx.perf.suite.PythonPeer writes into one folder): the timing loop and the job loop.

A job is {"workload", "size", "warmups", "reps", "budget"}; the answer to each is one JSON line,
{"workload", "size", "median", "min", "max", "samples"} in seconds or {"workload", "size", "error"}.
"""
import json
import time


def median_of(run, job, finish=None):
    """Warm-ups (cut short past half the budget), then timed runs until `reps` or the budget with
    at least 3; `finish` (a device synchronize) ends each run inside its time."""
    budget = job.get("budget", 5.0)
    start = time.perf_counter()
    for _ in range(job.get("warmups", 1)):
        run()
        if finish:
            finish()
        if time.perf_counter() - start > budget / 2:
            break
    times = []
    start = time.perf_counter()
    while len(times) < job.get("reps", 5):
        t0 = time.perf_counter()
        run()
        if finish:
            finish()
        times.append(time.perf_counter() - t0)
        if len(times) >= 3 and time.perf_counter() - start > budget:
            break
    times.sort()
    k = len(times)
    med = times[k // 2] if k % 2 else 0.5 * (times[k // 2 - 1] + times[k // 2])
    return {"median": med, "min": times[0], "max": times[-1], "samples": k}


def serve(jobs, workloads, library, finish=None):
    """Answers every job with the workload `workloads` names for it, one JSON line each."""
    for job in jobs:
        try:
            make = workloads.get(job["workload"])
            out = median_of(make(int(job["size"])), job, finish) if make else \
                {"error": "no %s version of this workload" % library}
        except Exception as e:  # a failing workload must not hide the others
            out = {"error": "%s: %s" % (type(e).__name__, e)}
        out.update(workload=job["workload"], size=job["size"])
        print(json.dumps(out), flush=True)
