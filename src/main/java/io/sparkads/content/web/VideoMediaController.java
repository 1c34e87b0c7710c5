package io.sparkads.content.web;

import io.sparkads.common.MediaViewer;
import io.sparkads.common.Problems;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves uploaded videos and their poster frames (with range requests) under their random token. A
 * video no ad has published yet answers only its own ad account; to anyone else it is as missing as
 * an unknown token, so a guess learns nothing.
 */
@RestController
record VideoMediaController(VideoFiles videos) {
    @GetMapping(VideoFile.PATH + "{token}")
    ResponseEntity<Resource> video(@PathVariable String token, MediaViewer viewer) {
        VideoFile video = readable(token, viewer);
        Resource file =
                videos.media(video.id())
                        .orElseThrow(
                                () ->
                                        Problems.notFound(
                                                "This video's file is missing from the media store"));
        return ResponseEntity.ok()
                .cacheControl(caching(video))
                .contentType(MediaType.parseMediaType(video.contentType()))
                .body(file);
    }

    @GetMapping(VideoFile.PATH + "{token}/poster.jpg")
    ResponseEntity<Resource> poster(@PathVariable String token, MediaViewer viewer) {
        VideoFile video = readable(token, viewer);
        Resource file =
                videos.poster(video.id())
                        .orElseThrow(() -> Problems.notFound("This video has no poster frame"));
        return ResponseEntity.ok()
                .cacheControl(caching(video))
                .contentType(MediaType.IMAGE_JPEG)
                .body(file);
    }

    private VideoFile readable(String token, MediaViewer viewer) {
        return videos.readable(token, viewer)
                .orElseThrow(
                        () ->
                                Problems.notFound(
                                        "No video at this address, or it is not published yet and you are not signed in to its ad account"));
    }

    /** Published media may be cached anywhere; a private upload by the browser only. */
    private static CacheControl caching(VideoFile video) {
        return video.published()
                ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic()
                : CacheControl.noCache().cachePrivate();
    }
}
