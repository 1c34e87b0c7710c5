package io.sparkads.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class SignInUsers implements UserDetailsService {
    private final Users users;

    SignInUsers(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return users.findByUsername(username)
                .flatMap(
                        user ->
                                users.passwordHash(username)
                                        .map(hash -> new SignedInUser(user, hash)))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
