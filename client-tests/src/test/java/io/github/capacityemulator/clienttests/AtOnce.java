package io.github.capacityemulator.clienttests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at the same moment, each on a thread of its own: every thread is started and waiting at one gate before
 * the gate opens, so the calls overlap instead of running one after another as threads come up.
 */
final class AtOnce {

    private AtOnce() {
    }

    /** Runs every task at once and answers their results in the tasks' order; a task's failure fails the run. */
    static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("not every thread came to the start gate");
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} copies of one task, each told its index. */
    static <T> List<Callable<T>> times(int count, IndexedTask<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(() -> task.call(index));
        }
        return tasks;
    }

    interface IndexedTask<T> {
        T call(int index) throws Exception;
    }
}
