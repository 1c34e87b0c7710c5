package io.sparkads.content.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code file/video/ad/upload}: a video for a non-Spark ad or to push to a linked account. */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class VideoUploadController {
    private final VideoFiles videos;

    VideoUploadController(VideoFiles videos) {
        this.videos = videos;
    }

    @PostMapping(value = "/file/video/ad/upload/", consumes = "multipart/form-data")
    BusinessEnvelope upload(
            BusinessCaller caller,
            @RequestParam(name = "advertiser_id", required = false) String advertiserId,
            @RequestParam(name = "upload_type", required = false) String uploadType,
            @RequestParam(name = "video_file", required = false) MultipartFile file,
            @RequestParam(name = "video_signature", required = false) String signature,
            @RequestParam(name = "file_name", required = false) String fileName) {
        long advertiser = caller.advertiser(advertiserId);
        if (uploadType != null && !uploadType.equals("UPLOAD_BY_FILE")) {
            throw BusinessApiException.parameter(
                    "upload_type must be UPLOAD_BY_FILE; was '" + uploadType + "'");
        }
        if (file == null || file.isEmpty()) {
            throw BusinessApiException.parameter(
                    "video_file is required: send the video as multipart form data");
        }
        String name = fileName != null ? fileName : file.getOriginalFilename();
        VideoFile video;
        try {
            video =
                    videos.store(
                            advertiser, name, file.getSize(), file.getInputStream(), signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("video_id", String.valueOf(video.id()));
        view.put("file_name", video.fileName());
        view.put("format", video.contentType().substring("video/".length()));
        view.put("size", video.sizeBytes());
        view.put("signature", video.sha256());
        view.put("url", video.url());
        return BusinessEnvelope.ok(List.of(view));
    }
}
