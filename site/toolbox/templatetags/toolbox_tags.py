from django import template

register = template.Library()


@register.filter
def attr_value(obj, name):
    """The value of attribute ``name`` of ``obj`` (for loops over field names in print templates)."""
    return getattr(obj, name, "")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)
