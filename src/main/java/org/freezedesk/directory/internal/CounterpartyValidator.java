package org.freezedesk.directory.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * What bean validation cannot say about a counterparty: a unique name, contacts with one primary, and served
 * assets that fit its kind (an issuer names the token contract it can freeze, checked as an address of its chain).
 */
@Component
class CounterpartyValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9.]{1,20}");

    private final CounterpartyRepository counterparties;
    private final AddressValidator addresses;

    CounterpartyValidator(CounterpartyRepository counterparties, AddressValidator addresses) {
        this.counterparties = counterparties;
        this.addresses = addresses;
    }

    /** {@code id} is the counterparty being edited, null for a new one. Blank rows must have been dropped. */
    Optional<NewCounterparty> validate(Long id, CounterpartyForm form, Errors errors) {
        if (form.getName() != null && !form.getName().isBlank()) {
            counterparties.findByName(form.getName().strip()).filter(other -> !Long.valueOf(other.id()).equals(id))
                    .ifPresent(other -> errors.rejectValue("name", "unique", "Another counterparty has this name"));
        }
        List<NewCounterparty.NewContact> contacts = contacts(form, errors);
        List<ServedAsset> assets = assets(form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String requirements = form.getLegalRequirements() == null || form.getLegalRequirements().isBlank() ? null
                : form.getLegalRequirements().strip();
        return Optional.of(new NewCounterparty(form.getName().strip(), form.getKind(), form.getJurisdiction().strip(),
                form.getResponseSlaHours(), requirements, form.isActive(), contacts, assets));
    }

    private static List<NewCounterparty.NewContact> contacts(CounterpartyForm form, Errors errors) {
        List<NewCounterparty.NewContact> result = new ArrayList<>();
        if (form.getContacts().isEmpty()) {
            errors.rejectValue("contacts", "required", "Add at least one contact: notifications go to the contacts");
            return result;
        }
        if (form.getPrimaryContact() == null) {
            errors.rejectValue("primaryContact", "required", "Choose the primary contact");
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < form.getContacts().size(); i++) {
            ContactRow row = form.getContacts().get(i);
            String name = trim(row.getName());
            String email = trim(row.getEmail()).toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.length() > 200) {
                errors.rejectValue("contacts[" + i + "].name", "name", "Enter the contact's name or function, at most 200 characters");
            }
            if (!EMAIL.matcher(email).matches() || email.length() > 320) {
                errors.rejectValue("contacts[" + i + "].email", "email", "Enter an e-mail address such as compliance@exchange.example");
            } else if (!emails.add(email)) {
                errors.rejectValue("contacts[" + i + "].email", "duplicate", "This address is listed twice");
            }
            result.add(new NewCounterparty.NewContact(name, email, Integer.valueOf(i).equals(form.getPrimaryContact())));
        }
        return result;
    }

    private List<ServedAsset> assets(CounterpartyForm form, Errors errors) {
        List<ServedAsset> result = new ArrayList<>();
        boolean issuer = form.getKind() == CounterpartyKind.ISSUER;
        if (form.getAssets().isEmpty()) {
            errors.rejectValue("assets", "required", issuer
                    ? "Add each token the issuer can freeze, with its chain and contract"
                    : "Add the chains the exchange serves (asset * for every asset on a chain)");
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.getAssets().size(); i++) {
            AssetRow row = form.getAssets().get(i);
            String prefix = "assets[" + i + "].";
            Optional<Chain> chain = Chain.parse(row.getChain());
            if (chain.isEmpty()) {
                errors.rejectValue(prefix + "chain", "chain", "Choose a chain");
            }
            String asset = trim(row.getAsset()).toUpperCase(Locale.ROOT);
            if (issuer && !ASSET.matcher(asset).matches()) {
                errors.rejectValue(prefix + "asset", "asset", "Enter the token's symbol, such as USDT");
            } else if (!issuer && !asset.equals(ServedAsset.EVERY_ASSET) && !ASSET.matcher(asset).matches()) {
                errors.rejectValue(prefix + "asset", "asset", "Enter an asset symbol, or * for every asset on the chain");
            } else if (chain.isPresent() && !seen.add(chain.get() + "/" + asset)) {
                errors.rejectValue(prefix + "asset", "duplicate", "This chain and asset are listed twice");
            }
            String contract = null;
            String typedContract = trim(row.getTokenContract());
            if (issuer && chain.isPresent()) {
                AddressCheck check = addresses.checkAddress(chain.get(), typedContract);
                if (check.valid()) {
                    contract = check.normalized();
                } else {
                    errors.rejectValue(prefix + "tokenContract", "contract", "Token contract: " + check.reason());
                }
            } else if (!issuer && !typedContract.isEmpty()) {
                errors.rejectValue(prefix + "tokenContract", "contract", "Only an issuer freezes by token contract; leave it empty");
            }
            if (chain.isPresent()) {
                result.add(new ServedAsset(chain.get().name(), asset, contract));
            }
        }
        return result;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
