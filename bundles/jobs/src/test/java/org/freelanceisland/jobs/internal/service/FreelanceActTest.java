package org.freelanceisland.jobs.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.freelanceisland.jobs.internal.model.Contract;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.junit.jupiter.api.Test;

class FreelanceActTest {

    static final LocalDate DUE = LocalDate.of(2025, 6, 30);

    static Contract complete() {
        Contract c = new Contract();
        c.setStatus(ContractStatus.ACTIVE);
        c.setScope("観光記事 2本");
        c.setPayYen(60_000L);
        c.setDueDate(DUE);
        c.setPaymentDueDate(DUE.plusDays(30));
        c.setTermsIssuedOn(LocalDate.of(2025, 5, 1));
        return c;
    }

    static List<String> codes(Contract c, LocalDate today) {
        return FreelanceAct.check(c, today).stream().map(FreelanceAct.Flag::code).toList();
    }

    @Test
    void aContractWithWrittenTermsAndPaymentInTimeIsInOrder() {
        assertEquals(List.of(), codes(complete(), LocalDate.of(2025, 5, 2)));
    }

    @Test
    void termsNotGivenInWritingOrIncompleteAreFlaggedNamingWhatIsMissing() {
        Contract c = complete();
        c.setTermsIssuedOn(null);
        c.setPayYen(null);
        c.setPaymentDueDate(null);
        List<FreelanceAct.Flag> flags = FreelanceAct.check(c, LocalDate.of(2025, 5, 2));
        assertEquals(List.of("TERMS_NOT_ISSUED", "TERMS_INCOMPLETE"), flags.stream().map(FreelanceAct.Flag::code).toList());
        assertEquals("取引条件の明示に不足：報酬の額・支払期日（第3条）", flags.get(1).text().ja());
        assertEquals("terms missing: pay, payment date (Art. 3)", flags.get(1).text().en());
        assertTrue(flags.stream().allMatch(f -> f.severity().equals(FreelanceAct.VIOLATION)));
    }

    @Test
    void theSixtyDaysCountTheDayOfDeliveryAsTheFirst() {
        assertEquals(LocalDate.of(2025, 8, 28), FreelanceAct.paymentLimit(DUE));
        Contract c = complete();
        c.setPaymentDueDate(LocalDate.of(2025, 8, 28));
        assertEquals(List.of(), codes(c, LocalDate.of(2025, 5, 2)), "the 60th day is allowed");
        c.setPaymentDueDate(LocalDate.of(2025, 8, 29));
        assertEquals(List.of("PAYMENT_DATE_BEYOND_60_DAYS"), codes(c, LocalDate.of(2025, 5, 2)));
    }

    @Test
    void anUnpaidDeliveryIsOverdueAfterThePaymentDateAndLateAfterSixtyDays() {
        Contract c = complete();
        c.setStatus(ContractStatus.DELIVERED);
        c.setDeliveredOn(LocalDate.of(2025, 6, 20));
        c.setPaymentDueDate(LocalDate.of(2025, 7, 31));
        assertEquals(List.of(), codes(c, LocalDate.of(2025, 7, 31)));
        assertEquals(List.of("PAYMENT_OVERDUE"), codes(c, LocalDate.of(2025, 8, 1)));
        assertEquals(List.of("PAYMENT_OVERDUE"), codes(c, LocalDate.of(2025, 8, 18)), "day 60 is still in time");
        assertEquals(List.of("PAYMENT_LATE"), codes(c, LocalDate.of(2025, 8, 19)));
    }

    @Test
    void aPaymentMadeAfterSixtyDaysOrSmallerThanAgreedStaysFlagged() {
        Contract c = complete();
        c.setStatus(ContractStatus.PAID);
        c.setDeliveredOn(LocalDate.of(2025, 6, 20));
        c.setPaidOn(LocalDate.of(2025, 8, 19));
        c.setPaidAmountYen(50_000L);
        assertEquals(List.of("PAYMENT_LATE", "PAID_LESS"), codes(c, LocalDate.of(2025, 12, 1)));
        c.setPaidOn(LocalDate.of(2025, 8, 18));
        c.setPaidAmountYen(60_000L);
        assertEquals(List.of(), codes(c, LocalDate.of(2025, 12, 1)));
    }

    @Test
    void cancelledContractsAreNotFlagged() {
        Contract c = complete();
        c.setTermsIssuedOn(null);
        c.setStatus(ContractStatus.CANCELLED);
        assertEquals(List.of(), codes(c, LocalDate.of(2025, 5, 2)));
    }
}
