package org.freelanceisland.jobs.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.freelanceisland.jobs.internal.model.Contract;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.platform.api.LocalizedText;

/**
 * The checks of the Freelance Act (特定受託事業者に係る取引の適正化等に関する法律, in force since
 * 1 November 2024) on a contract with a freelancer:
 * <ul>
 * <li>Art. 3: the terms must be given in writing (or electronically) at once: the work (scope), the
 * pay, the day the work is received (due date) and the payment date. A contract whose terms were not
 * given ({@code termsIssuedOn} empty) or lack one of these is flagged.</li>
 * <li>Art. 4: the payment date must fall within 60 days counted from the day the work is received,
 * that day being day 1 (給付を受領した日から起算して60日), so the last allowed day is the delivery
 * date plus 59 days. A payment date set later, a payment made later, and an unpaid delivery past
 * that day are flagged.</li>
 * </ul>
 * Warnings (not violations by themselves): an unpaid delivery past the agreed payment date, and a
 * payment smaller than the agreed pay.
 */
public final class FreelanceAct {

    /** The length of the payment period, in days, counting the day of delivery as the first. */
    public static final int PAYMENT_DAYS = 60;

    /** A breach of the Act. */
    public static final String VIOLATION = "VIOLATION";
    /** Something to look into. */
    public static final String WARNING = "WARNING";

    /**
     * A finding.
     *
     * @param code stable code: {@code TERMS_NOT_ISSUED}, {@code TERMS_INCOMPLETE},
     *        {@code PAYMENT_DATE_BEYOND_60_DAYS}, {@code PAYMENT_LATE}, {@code PAYMENT_OVERDUE},
     *        {@code PAID_LESS}
     * @param severity {@link #VIOLATION} or {@link #WARNING}
     * @param text what is wrong, in Japanese and English
     */
    public record Flag(String code, String severity, LocalizedText text) {
    }

    private FreelanceAct() {
    }

    /**
     * The last day payment may be made for work received (or due) on a day.
     *
     * @param received the day of delivery, or the due date before delivery; may be {@code null}
     * @return {@code received} plus 59 days, or {@code null}
     */
    public static LocalDate paymentLimit(LocalDate received) {
        return received == null ? null : received.plusDays(PAYMENT_DAYS - 1L);
    }

    /**
     * Checks a contract.
     *
     * @param c the contract
     * @param today the day of the check, in Japan
     * @return the findings, empty when the contract is in order (always empty when cancelled)
     */
    public static List<Flag> check(Contract c, LocalDate today) {
        List<Flag> flags = new ArrayList<>();
        if (c.status() == ContractStatus.CANCELLED) {
            return flags;
        }
        if (c.termsIssuedOn() == null) {
            flags.add(new Flag("TERMS_NOT_ISSUED", VIOLATION, LocalizedText.of("取引条件を書面等で明示していない（第3条）",
                    "terms not given in writing (Art. 3)")));
        }
        List<String> ja = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (c.scope() == null || c.scope().isBlank()) {
            ja.add("給付の内容");
            en.add("scope of work");
        }
        if (c.payYen() == null) {
            ja.add("報酬の額");
            en.add("pay");
        }
        if (c.dueDate() == null) {
            ja.add("給付を受領する期日");
            en.add("due date");
        }
        if (c.paymentDueDate() == null) {
            ja.add("支払期日");
            en.add("payment date");
        }
        if (!ja.isEmpty()) {
            flags.add(new Flag("TERMS_INCOMPLETE", VIOLATION, LocalizedText.of("取引条件の明示に不足：" + String.join("・", ja)
                    + "（第3条）", "terms missing: " + String.join(", ", en) + " (Art. 3)")));
        }
        LocalDate limit = paymentLimit(c.deliveredOn() != null ? c.deliveredOn() : c.dueDate());
        if (limit != null && c.paymentDueDate() != null && c.paymentDueDate().isAfter(limit)) {
            flags.add(new Flag("PAYMENT_DATE_BEYOND_60_DAYS", VIOLATION, LocalizedText.of(
                    "支払期日（" + c.paymentDueDate() + "）が受領日から60日を超えている（第4条、期限 " + limit + "）",
                    "payment date " + c.paymentDueDate() + " is more than 60 days after delivery (Art. 4, limit " + limit + ")")));
        }
        if (c.deliveredOn() != null) {
            LocalDate deadline = paymentLimit(c.deliveredOn());
            boolean paidLate = c.paidOn() != null && c.paidOn().isAfter(deadline);
            boolean unpaidLate = c.paidOn() == null && today.isAfter(deadline);
            if (paidLate || unpaidLate) {
                flags.add(new Flag("PAYMENT_LATE", VIOLATION, LocalizedText.of(
                        "納品から60日以内に支払われていない（第4条、期限 " + deadline + "）",
                        "not paid within 60 days of delivery (Art. 4, limit " + deadline + ")")));
            } else if (c.paidOn() == null && c.paymentDueDate() != null && today.isAfter(c.paymentDueDate())) {
                flags.add(new Flag("PAYMENT_OVERDUE", WARNING, LocalizedText.of("支払期日（" + c.paymentDueDate() + "）を過ぎて未払い",
                        "payment date " + c.paymentDueDate() + " passed, not paid")));
            }
        }
        if (c.paidAmountYen() != null && c.payYen() != null && c.paidAmountYen() < c.payYen()) {
            flags.add(new Flag("PAID_LESS", WARNING, LocalizedText.of("支払額（" + c.paidAmountYen() + "円）が契約額（" + c.payYen()
                    + "円）より少ない", "paid " + c.paidAmountYen() + " yen, less than the agreed " + c.payYen() + " yen")));
        }
        return flags;
    }
}
