package io.sparkads.authorization;

import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccount;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of authorization, in one place: a creator issues a code for a public post,
 * ad accounts apply it and the post joins their creative library, and the creator can take it back
 * at any time. The work is done by the use cases — {@link AuthorizationCodes}, {@link
 * CodeApplications}, {@link CreativeLibrary}, {@link ExtensionRequests} — which the module's own
 * pages and APIs call directly.
 */
@Service
public class SparkAuthorizations {
    private final AuthorizationCodes codes;
    private final CodeApplications applications;
    private final CreativeLibrary library;

    SparkAuthorizations(
            AuthorizationCodes codes, CodeApplications applications, CreativeLibrary library) {
        this.codes = codes;
        this.applications = applications;
        this.library = library;
    }

    public IssuedCode issueCode(long itemId, Integer days, Actor actor) {
        return codes.issueCode(itemId, days, actor);
    }

    public void revoke(long itemId, Actor actor) {
        codes.revoke(itemId, actor);
    }

    public List<CodeSummary> codesOf(long itemId) {
        return codes.codesOf(itemId);
    }

    public SparkPost preview(long advertiserId, String authCode) {
        return applications.preview(advertiserId, authCode, Actor.advertiser(advertiserId, null));
    }

    public SparkPost apply(long advertiserId, String authCode, Actor actor) {
        return applications.apply(advertiserId, authCode, actor);
    }

    public List<SparkPost> library(long advertiserId, LibraryFilter filter, PageRequest page) {
        return library.library(advertiserId, filter, page);
    }

    public List<AppAccount> creatorsInLibrary(long advertiserId) {
        return library.creatorsInLibrary(advertiserId);
    }

    public Optional<SparkPost> bound(long advertiserId, long itemId) {
        return library.bound(advertiserId, itemId);
    }

    public List<PostUse> usesOf(long itemId) {
        return library.usesOf(itemId);
    }
}
