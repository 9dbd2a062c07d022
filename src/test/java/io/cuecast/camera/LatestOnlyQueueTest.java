package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestOnlyQueueTest {

    @Test
    void keepsTheNewestAndHandsTheDroppedToTheCallback() {
        List<Integer> dropped = new ArrayList<>();
        LatestOnlyQueue<Integer> queue = new LatestOnlyQueue<>(2, dropped::add);
        for (int i = 1; i <= 5; i++) {
            assertTrue(queue.offer(i), "offer never refuses");
        }
        assertEquals(List.of(4, 5), new ArrayList<>(queue));
        assertEquals(List.of(1, 2, 3), dropped);
        assertEquals(3, queue.droppedCount());
    }

    @Test
    void addAndPutNeverBlockOrThrowWhenFull() throws InterruptedException {
        LatestOnlyQueue<String> queue = new LatestOnlyQueue<>(1, s -> { });
        queue.add("a");
        queue.add("b");
        queue.put("c");
        assertEquals("c", queue.poll());
        assertEquals(2, queue.droppedCount());
    }
}
