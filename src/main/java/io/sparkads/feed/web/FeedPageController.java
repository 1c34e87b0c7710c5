package io.sparkads.feed.web;

import io.sparkads.common.web.WebPage;
import io.sparkads.feed.ReferenceFeedToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reference host app's pages. They render an empty frame with the platform API's address and
 * the app's token in data attributes; {@code feed.js} fills them from the platform API alone.
 */
@WebPage
record FeedPageController(ReferenceFeedToken token) {
    static final String API = "/platform/v1";

    @GetMapping("/feed")
    String feed(Model model) {
        app(model);
        return "feed/feed";
    }

    @GetMapping("/feed/@{handle}")
    String profile(@PathVariable String handle, Model model) {
        app(model);
        model.addAttribute("handle", handle);
        return "feed/profile";
    }

    /** What both pages carry: where the platform API is, the app's token, the words they need. */
    private void app(Model model) {
        model.addAttribute("api", API);
        model.addAttribute("platformToken", token.value());
        model.addAttribute("choices", ViewerChoices.ALL);
    }
}
