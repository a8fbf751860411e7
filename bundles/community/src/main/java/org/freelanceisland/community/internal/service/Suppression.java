package org.freelanceisland.community.internal.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-count suppression for exports: a count from 1 to {@code threshold - 1} is not shown (it
 * could point at a person), and where a row or column total is shown, one more cell of that line is
 * suppressed whenever only one is, so that no suppressed count can be worked out from the total
 * (secondary suppression, repeated until nothing changes). Zeros are shown: they reveal no one.
 */
public final class Suppression {

    private final int threshold;

    /**
     * Creates the rule.
     *
     * @param threshold the smallest count shown (1 shows everything)
     */
    public Suppression(int threshold) {
        this.threshold = Math.max(1, threshold);
    }

    /**
     * The threshold.
     *
     * @return the smallest count shown
     */
    public int threshold() {
        return threshold;
    }

    /**
     * Whether a single count (with no total around it) may be shown.
     *
     * @param count the count
     * @return {@code true} if it is 0 or at least the threshold
     */
    public boolean shows(int count) {
        return count == 0 || count >= threshold;
    }

    /**
     * A table with its row totals (last column), column totals (last row) and grand total, and
     * which of its cells to hide.
     *
     * @param counts the table with totals, rows by columns
     * @param hidden {@code true} for each cell to hide
     */
    public record Table(int[][] counts, boolean[][] hidden) {
    }

    /**
     * Adds the totals to a table and decides which cells to hide: every small count (totals
     * included), and then, along every row and column (each an addition: its cells make its
     * total), one more cell wherever only one is hidden, until nothing changes.
     *
     * @param inner the table without totals, rows by columns (at least one of each)
     * @return the table with totals and what to hide
     */
    public Table table(int[][] inner) {
        int rows = inner.length;
        int cols = inner[0].length;
        int[][] counts = new int[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                counts[r][c] = inner[r][c];
                counts[r][cols] += inner[r][c];
                counts[rows][c] += inner[r][c];
                counts[rows][cols] += inner[r][c];
            }
        }
        boolean[][] hidden = new boolean[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                hidden[r][c] = !shows(counts[r][c]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r <= rows; r++) {
                List<int[]> line = new ArrayList<>();
                for (int c = 0; c <= cols; c++) {
                    line.add(new int[] { r, c });
                }
                changed |= secondary(counts, hidden, line);
            }
            for (int c = 0; c <= cols; c++) {
                List<int[]> line = new ArrayList<>();
                for (int r = 0; r <= rows; r++) {
                    line.add(new int[] { r, c });
                }
                changed |= secondary(counts, hidden, line);
            }
        }
        return new Table(counts, hidden);
    }

    /** When exactly one cell of a line is hidden, hides another: the smallest nonzero one, else a zero. */
    private static boolean secondary(int[][] counts, boolean[][] hidden, List<int[]> line) {
        int hiddenCells = 0;
        for (int[] cell : line) {
            if (hidden[cell[0]][cell[1]]) {
                hiddenCells++;
            }
        }
        if (hiddenCells != 1) {
            return false;
        }
        int[] pick = null;
        long best = Long.MAX_VALUE;
        for (int[] cell : line) {
            if (hidden[cell[0]][cell[1]]) {
                continue;
            }
            int value = counts[cell[0]][cell[1]];
            long rank = value == 0 ? Integer.MAX_VALUE + 1L : value;
            if (rank < best) {
                best = rank;
                pick = cell;
            }
        }
        if (pick == null) {
            return false;
        }
        hidden[pick[0]][pick[1]] = true;
        return true;
    }

    /**
     * A count as an export shows it.
     *
     * @param count the count
     * @param hidden whether it is suppressed
     * @return the number, or {@code x} when suppressed (the mark of Japan's official statistics;
     *         the same for every hidden cell, so that nobody can tell a small count from one hidden
     *         to protect it)
     */
    public String text(int count, boolean hidden) {
        return hidden ? "x" : Integer.toString(count);
    }
}
