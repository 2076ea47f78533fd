package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import java.util.ArrayList;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-102: the info object says what the API is for and who owns it. */
final class InfoMetadata extends Rule {

    InfoMetadata() {
        super("SOGNO-102", Level.SHOULD, "info has a description and a contact (the owning team)");
    }

    @Override
    public void check(LintContext context) {
        Info info = context.api().getInfo();
        List<String> missing = new ArrayList<>();
        if (info == null || isBlank(info.getDescription())) {
            missing.add("info.description");
        }
        Contact contact = info == null ? null : info.getContact();
        if (contact == null || isBlank(contact.getName()) && isBlank(contact.getEmail()) && isBlank(contact.getUrl())) {
            missing.add("info.contact (name, email or url of the owning team)");
        }
        if (!missing.isEmpty()) {
            context.report(this, "/info", "Missing " + String.join(" and ", missing));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
