package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountLinkTest {
    static AccountLink link(AccountLink.Status status, EnumSet<LinkPermission> permissions) {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        return new AccountLink(
                1, 2, permissions, status, 3L, false, now, now.plusSeconds(3600), now, null);
    }

    @Test
    void onlyAnActiveLinkGrantsItsPermissions() {
        var pullOnly = EnumSet.of(LinkPermission.PULL_POSTS);
        assertThat(link(AccountLink.Status.ACTIVE, pullOnly).allows(LinkPermission.PULL_POSTS))
                .isTrue();
        assertThat(link(AccountLink.Status.ACTIVE, pullOnly).allows(LinkPermission.PUSH_VIDEOS))
                .isFalse();
        for (AccountLink.Status other :
                EnumSet.of(
                        AccountLink.Status.PENDING,
                        AccountLink.Status.UNLINKED,
                        AccountLink.Status.EXPIRED)) {
            assertThat(
                            link(other, EnumSet.allOf(LinkPermission.class))
                                    .allows(LinkPermission.PULL_POSTS))
                    .as(other.name())
                    .isFalse();
        }
    }
}
