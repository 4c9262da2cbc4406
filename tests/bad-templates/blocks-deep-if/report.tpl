{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
{% if true %}
zh: x
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
{% endif %}
