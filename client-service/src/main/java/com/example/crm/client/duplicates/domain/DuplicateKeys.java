package com.example.crm.client.duplicates.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The keys duplicates are found by: a company name without its legal-form suffix, spaces and punctuation
 * (北京华信科技有限公司 and 北京华信科技有限责任公司 both become 北京华信科技; full-width characters folded),
 * and a phone number's digits without the country code.
 */
public final class DuplicateKeys {

    /** Longest first, so that 有限责任公司 is removed before 公司. */
    private static final List<String> LEGAL_FORMS = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "公司", "集团", "工作室", "商行", "厂",
            "co., ltd.", "co.,ltd.", "company limited", "co ltd", "limited", "ltd.", "ltd", "inc.", "inc", "gmbh",
            "llc", "corp.", "corporation", "co.");

    private DuplicateKeys() {
    }

    public static String nameKey(String legalName) {
        if (legalName == null) {
            return null;
        }
        String name = Normalizer.normalize(legalName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String form : LEGAL_FORMS) {
                if (name.endsWith(form) && name.length() > form.length()) {
                    name = name.substring(0, name.length() - form.length()).trim();
                    stripped = true;
                }
            }
        }
        return name.replaceAll("[\\p{P}\\p{S}\\s]+", "");
    }

    /** Digits only, without a leading 86 country code or trunk 0; {@code null} for fewer than 7 digits. */
    public static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() > 11) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return digits.length() < 7 ? null : digits;
    }
}
