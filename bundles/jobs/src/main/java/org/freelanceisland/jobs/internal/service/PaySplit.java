package org.freelanceisland.jobs.internal.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a team's pay among its members. Shares in percent must add up to 100; the yen amounts
 * they give add up to the pay exactly: each member gets the whole yen of their share, and the yen
 * left over go one by one to the members with the largest remainders (the earlier member first on
 * a tie), so the same team and pay always split the same way.
 */
public final class PaySplit {

    private PaySplit() {
    }

    /**
     * Whether shares add up to 100 percent.
     *
     * @param percents the shares
     * @return {@code true} when they do and none is negative
     */
    public static boolean isWhole(List<Integer> percents) {
        int sum = 0;
        for (int p : percents) {
            if (p < 0) {
                return false;
            }
            sum += p;
        }
        return sum == 100;
    }

    /**
     * Splits an amount by percent.
     *
     * @param totalYen the pay to split
     * @param percents the members' shares, adding up to 100
     * @return the members' amounts, in the same order, adding up to {@code totalYen}
     * @throws IllegalArgumentException when the shares do not add up to 100
     */
    public static List<Long> byPercent(long totalYen, List<Integer> percents) {
        if (!isWhole(percents)) {
            throw new IllegalArgumentException("split: the shares must add up to 100 percent");
        }
        int n = percents.size();
        long[] amounts = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long exact = totalYen * percents.get(i);
            amounts[i] = exact / 100;
            remainders[i] = exact % 100;
            given += amounts[i];
        }
        long left = totalYen - given;
        boolean[] topped = new boolean[n];
        for (long k = 0; k < left; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!topped[i] && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            amounts[best]++;
            topped[best] = true;
        }
        List<Long> result = new ArrayList<>(n);
        for (long a : amounts) {
            result.add(a);
        }
        return result;
    }

    /**
     * Checks a split given in yen.
     *
     * @param totalYen the pay
     * @param amounts the members' amounts
     * @return {@code true} when the amounts are not negative and add up to the pay
     */
    public static boolean addsUp(long totalYen, List<Long> amounts) {
        long sum = 0;
        for (long a : amounts) {
            if (a < 0) {
                return false;
            }
            sum += a;
        }
        return sum == totalYen;
    }
}
