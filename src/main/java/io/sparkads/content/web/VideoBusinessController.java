package io.sparkads.content.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code file/video/ad/upload}: a video for a non-Spark ad or to push to a linked account, checked
 * against TikTok's specs; {@code file/video/ad/info}: the ad account's uploaded videos.
 */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record VideoBusinessController(VideoFiles videos) {
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
        return BusinessEnvelope.ok(List.of(VideoInfoView.of(video)));
    }

    record VideoInfoList(List<VideoInfoView> list) {}

    /** {@code file/video/ad/info}: up to 60 of the ad account's videos, with their addresses. */
    @GetMapping("/file/video/ad/info/")
    BusinessEnvelope info(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiser = caller.advertiser(params.advertiserId());
        List<String> raw = params.requiredStringList("video_ids");
        if (raw.size() > 60) {
            throw BusinessApiException.parameter("video_ids takes at most 60 ids");
        }
        List<Long> ids = new ArrayList<>();
        for (String id : raw) {
            Long parsed = Ids.parse(id);
            if (parsed == null) {
                throw BusinessApiException.parameter(
                        "video_ids must hold numeric ids from file/video/ad/upload");
            }
            ids.add(parsed);
        }
        Map<Long, VideoFile> found = new HashMap<>();
        videos.list(advertiser, ids).forEach(v -> found.put(v.id(), v));
        return BusinessEnvelope.ok(
                new VideoInfoList(
                        ids.stream()
                                .distinct()
                                .filter(found::containsKey)
                                .map(id -> VideoInfoView.of(found.get(id)))
                                .toList()));
    }
}
