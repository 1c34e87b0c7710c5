package io.sparkads.campaigns.web;

import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ad creation page's video upload: the page sends the file with XMLHttpRequest to show a
 * progress bar, and this answers the video's id for the form, or problem details whose {@code
 * detail} the page shows beside the file input. The same checks as {@code file/video/ad/upload}.
 */
@WebPage
record VideoUploadPageController(VideoFiles videos) {
    @PostMapping(value = "/ads/videos", consumes = "multipart/form-data")
    @ResponseBody
    ResponseEntity<?> upload(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(name = "video_file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return refused("Choose a video file to upload");
        }
        try {
            VideoFile video =
                    videos.store(
                            advertiserId,
                            file.getOriginalFilename() == null
                                    ? "video"
                                    : file.getOriginalFilename(),
                            file.getSize(),
                            file.getInputStream(),
                            null);
            Map<String, Object> uploaded = new LinkedHashMap<>();
            uploaded.put("video_id", String.valueOf(video.id()));
            uploaded.put("file_name", video.fileName());
            uploaded.put("size", video.sizeBytes());
            uploaded.put("duration_ms", video.durationMs());
            uploaded.put("width", video.width());
            uploaded.put("height", video.height());
            uploaded.put("url", video.url());
            uploaded.put("poster_url", video.posterUrl());
            return ResponseEntity.ok(uploaded);
        } catch (Refusal refusal) {
            return refused(refusal.getMessage().replace("video_file", "The file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<ProblemDetail> refused(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Video not uploaded");
        return ResponseEntity.badRequest().body(problem);
    }
}
