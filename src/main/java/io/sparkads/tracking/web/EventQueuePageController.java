package io.sparkads.tracking.web;

import io.sparkads.common.web.WebPage;
import io.sparkads.tracking.EventQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator's view of event counting ({@code /operations/events}, admins only): with Kafka
 * configured, how many events wait on the topic to be counted, per partition; without it, that
 * events are counted as they arrive.
 */
@WebPage
record EventQueuePageController(ObjectProvider<EventQueue> queue) {
    @GetMapping("/operations/events")
    String events(Model model) {
        EventQueue kafka = queue.getIfAvailable();
        model.addAttribute("kafka", kafka != null);
        model.addAttribute("backlog", kafka == null ? null : kafka.backlog());
        return "tracking/events-waiting";
    }
}
