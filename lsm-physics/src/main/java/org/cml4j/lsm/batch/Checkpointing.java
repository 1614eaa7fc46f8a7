package org.cml4j.lsm.batch;

/**
 * How the batched adjoint keeps the states its reverse sweep needs (Griewank &amp; Walther 2008,
 * <i>Evaluating Derivatives</i>, ch. 12). Either every state is stored ({@link #storeAll()}), or
 * the forward sweep stores every K-th state and the reverse sweep recomputes each segment of K steps
 * from its checkpoint before running backwards through it: about {@code (levels-1)/K + K} stored
 * states instead of {@code levels}, for one extra forward sweep. Recomputation repeats the forward
 * arithmetic exactly, so gradients are bit-for-bit those of {@link #storeAll()}.
 *
 * @param interval K, the spacing of checkpoints in time levels; 0 = choose {@code ceil(sqrt(levels
 *     - 1))}, which minimises the stored states; {@link Integer#MAX_VALUE} = store everything
 * @param budgetBytes if &gt; 0, a budget [bytes] for all stored states of a run (all workers):
 *     store everything if that fits, otherwise checkpoint at the square-root spacing
 */
public record Checkpointing(int interval, long budgetBytes) {

  public Checkpointing {
    if (interval < 0) {
      throw new IllegalArgumentException("checkpoint interval must be >= 0, got " + interval);
    }
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("checkpoint memory budget must be >= 0 bytes, got "
          + budgetBytes);
    }
  }

  /** Keep every state (fastest; memory grows with the horizon). */
  public static Checkpointing storeAll() {
    return new Checkpointing(Integer.MAX_VALUE, 0);
  }

  /** Checkpoint every {@code k} levels ({@code k >= 2}). */
  public static Checkpointing every(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("checkpoint interval must be >= 2 levels, got " + k
          + " (use storeAll() to keep every state)");
    }
    return new Checkpointing(k, 0);
  }

  /** Checkpoint every {@code ceil(sqrt(levels - 1))} levels: about 2 sqrt(levels) states. */
  public static Checkpointing sqrt() {
    return new Checkpointing(0, 0);
  }

  /** Store everything if it fits in {@code bytes} for the whole run, else square-root spacing. */
  public static Checkpointing memoryBudget(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("checkpoint memory budget must be > 0 bytes, got "
          + bytes);
    }
    return new Checkpointing(0, bytes);
  }

  /**
   * The plan for a run.
   *
   * @param levels time levels of the run
   * @param stateBytes bytes of one stored state for all columns held at once (workers x chunk
   *     width x nodes x 8)
   * @throws IllegalArgumentException if even square-root checkpointing exceeds the budget
   */
  public Plan plan(int levels, long stateBytes) {
    int steps = Math.max(1, levels - 1);
    int sqrtK = Math.max(2, (int) Math.ceil(Math.sqrt(steps)));
    int k;
    if (budgetBytes > 0) {
      if ((long) levels * stateBytes <= budgetBytes) {
        k = Integer.MAX_VALUE;
      } else {
        k = sqrtK;
        Plan p = new Plan(levels, k);
        if (p.storedStates() * stateBytes > budgetBytes) {
          throw new IllegalArgumentException("checkpoint memory budget of " + budgetBytes
              + " bytes is too small for " + levels + " time levels: square-root checkpointing"
              + " stores " + p.storedStates() + " states of " + stateBytes + " bytes ("
              + p.storedStates() * stateBytes + " bytes); raise the budget or split the batch");
        }
      }
    } else {
      k = interval == 0 ? sqrtK : interval;
    }
    return new Plan(levels, k);
  }

  /**
   * A checkpoint schedule.
   *
   * @param levels time levels
   * @param interval checkpoint spacing K; at least {@code levels - 1} means store every state
   */
  public record Plan(int levels, int interval) {
    /** Whether every state is kept (no recomputation). */
    public boolean storesAll() {
      return interval >= levels - 1;
    }

    /** Number of checkpoints (levels 0, K, 2K, ... below {@code levels}). */
    public int checkpoints() {
      return storesAll() ? 1 : (levels - 1) / interval + 1;
    }

    /** Segment buffer length: the states recomputed between two checkpoints. */
    public int segment() {
      return storesAll() ? levels - 1 : interval;
    }

    /** States held per column: checkpoints plus the segment buffer. */
    public int storedStates() {
      return checkpoints() + segment();
    }
  }
}
