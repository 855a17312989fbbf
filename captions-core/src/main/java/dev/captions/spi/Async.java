package dev.captions.spi;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a blocking call on a worker thread and returns a future whose {@code cancel(true)} interrupts that thread, so
 * that cancelling the future really stops the work (polling loops end, subprocesses are killed by the code that
 * catches the interrupt). {@link CompletableFuture#supplyAsync} cannot do this: its cancel never interrupts.
 */
public final class Async {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "captions-async-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private Async() {}

  /**
   * Runs {@code call} on the SDK's shared daemon pool.
   *
   * @param <T> the result type
   * @param call the work to run; not null
   * @return a future completed with the call's result, or exceptionally with what it threw
   */
  public static <T> CompletableFuture<T> supply(Callable<T> call) {
    return supply(call, EXECUTOR);
  }

  /**
   * Runs {@code call} on {@code executor}; cancelling the returned future interrupts the worker thread.
   *
   * @param <T> the result type
   * @param call the work to run; not null
   * @param executor where to run it; not null, not shut down by this method
   * @return a future completed with the call's result, or exceptionally with what it threw
   */
  public static <T> CompletableFuture<T> supply(Callable<T> call, Executor executor) {
    AtomicReference<Thread> worker = new AtomicReference<>();
    CompletableFuture<T> future = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Thread t = worker.get();
        if (cancelled && t != null) t.interrupt();
        return cancelled;
      }
    };
    executor.execute(() -> {
      if (future.isDone()) return;
      worker.set(Thread.currentThread());
      try {
        future.complete(call.call());
      } catch (CompletionException e) {
        future.completeExceptionally(e.getCause() != null ? e.getCause() : e);
      } catch (Throwable e) {
        future.completeExceptionally(e);
      } finally {
        worker.set(null);
        Thread.interrupted(); // never leak an interrupt into the pool's next task
      }
    });
    return future;
  }

  /**
   * Throws {@link CancellationException} when the current thread was interrupted, keeping the interrupt flag set.
   * Long-running provider code calls this between steps.
   */
  public static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled");
  }

  /**
   * Turns an {@link InterruptedException} into a {@link CancellationException}, restoring the interrupt flag.
   *
   * @param e the interruption caught while waiting
   * @return a cancellation exception with {@code e} as its cause, for the caller to throw
   */
  public static CancellationException cancelled(InterruptedException e) {
    Thread.currentThread().interrupt();
    CancellationException c = new CancellationException("cancelled");
    c.initCause(e);
    return c;
  }
}
