"""The AsyncAPI document describes every topic, with a key and a schema file that exists."""

from importlib import resources

import yaml

from marsad.schemas.topics import topic_configs


def test_every_topic_has_a_channel_with_an_existing_schema() -> None:
    folder = resources.files("marsad.schemas")
    document = yaml.safe_load(folder.joinpath("asyncapi.yaml").read_text("utf-8"))
    assert document["asyncapi"].startswith("3.")
    addresses = {channel["address"] for channel in document["channels"].values()}
    assert addresses == {topic.name for topic in topic_configs("marsad.", 1, 1).values()}
    for message in document["components"]["messages"].values():
        assert message["bindings"]["kafka"]["key"]["type"] == "string"
        path = message["payload"]["schema"]["$ref"].removeprefix("./")
        assert folder.joinpath(path).is_file(), path
