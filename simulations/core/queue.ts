/**
 * The discrete-event queue: items ordered by (time, insertion counter), so two
 * things scheduled for the same millisecond happen in the order they were scheduled.
 */
export interface Queue<T> {
  push(time: number, item: T): void;
  pop(): { time: number; item: T } | null;
  readonly size: number;
}

interface Entry<T> {
  time: number;
  order: number;
  item: T;
}

const before = <T>(a: Entry<T>, b: Entry<T>) => a.time < b.time || (a.time === b.time && a.order < b.order);

export function createQueue<T>(): Queue<T> {
  const heap: Entry<T>[] = [];
  let counter = 0;
  return {
    get size() {
      return heap.length;
    },
    push(time, item) {
      heap.push({ time, order: counter++, item });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    },
    pop() {
      if (heap.length === 0) return null;
      const top = heap[0];
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && before(heap[l], heap[m])) m = l;
          if (r < heap.length && before(heap[r], heap[m])) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m], heap[i]];
          i = m;
        }
      }
      return { time: top.time, item: top.item };
    },
  };
}
