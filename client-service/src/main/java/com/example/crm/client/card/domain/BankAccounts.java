package com.example.crm.client.card.domain;

/** Bank account numbers are shown in full only to managers and admins. */
public final class BankAccounts {

    private BankAccounts() {
    }

    /** {@code 6222 0212 3456 7890} → {@code ****7890}; four characters or fewer → {@code ****}. */
    public static String mask(String account) {
        if (account == null) {
            return null;
        }
        String digits = account.replaceAll("[^0-9A-Za-z]", "");
        return "****" + (digits.length() <= 4 ? "" : digits.substring(digits.length() - 4));
    }
}
