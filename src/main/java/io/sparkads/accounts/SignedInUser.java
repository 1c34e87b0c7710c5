package io.sparkads.accounts;

import io.sparkads.common.SignedInPerson;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person behind a web session; pages take it with {@code @AuthenticationPrincipal}. */
public final class SignedInUser implements UserDetails, SignedInPerson {
    private final User user;
    private final String passwordHash;

    SignedInUser(User user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    public User user() {
        return user;
    }

    @Override
    public long userId() {
        return user.id();
    }

    /** Users have no name apart from the one they sign in with. */
    @Override
    public String displayName() {
        return user.username();
    }

    public long advertiserId() {
        if (user.advertiserId() == null) {
            throw new IllegalStateException(user.username() + " is not an advertiser user");
        }
        return user.advertiserId();
    }

    public long creatorAccountId() {
        if (user.creatorAccountId() == null) {
            throw new IllegalStateException(user.username() + " is not a creator user");
        }
        return user.creatorAccountId();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
