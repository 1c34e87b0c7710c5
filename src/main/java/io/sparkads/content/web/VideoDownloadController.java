package io.sparkads.content.web;

import io.sparkads.common.PathIds;
import io.sparkads.common.Problems;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves uploaded videos to the host app's players (with range requests). */
@RestController
class VideoDownloadController {
    private final VideoFiles videos;

    VideoDownloadController(VideoFiles videos) {
        this.videos = videos;
    }

    @GetMapping("/videos/{videoId}")
    ResponseEntity<Resource> video(@PathVariable String videoId) {
        long id = PathIds.require("video_id", videoId);
        VideoFile video =
                videos.find(id).orElseThrow(() -> Problems.notFound("No video " + videoId));
        Path path = videos.path(id).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(video.contentType()))
                .body(new FileSystemResource(path));
    }
}
