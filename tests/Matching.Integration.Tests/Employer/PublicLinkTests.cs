using System.ComponentModel.DataAnnotations;
using Matching.Web;
using Microsoft.AspNetCore.Http;

namespace Matching.Integration.Tests.Employer;

/// <summary>Links sent by e-mail (team invitations) point at the public address, not at whatever host the request named.</summary>
public sealed class PublicLinkTests
{
    private static HttpRequest RequestTo(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        return context.Request;
    }

    [Fact]
    public void A_configured_public_address_wins_over_the_request_host()
    {
        var portal = new PortalOptions { PublicBaseUrl = new Uri("https://matching.example.ma/") };
        var link = portal.AbsoluteLink(RequestTo("10.0.0.7:5080"), "/Account/SetPassword?userId=u1&token=a%2Bb");
        Assert.Equal("https://matching.example.ma/Account/SetPassword?userId=u1&token=a%2Bb", link);
    }

    [Fact]
    public void Without_configuration_the_request_host_is_used()
    {
        var link = new PortalOptions().AbsoluteLink(RequestTo("localhost:5080"), "/Account/SetPassword?userId=u1");
        Assert.Equal("http://localhost:5080/Account/SetPassword?userId=u1", link);
    }

    [Theory]
    [InlineData("ftp://matching.example.ma/")]
    [InlineData("https://matching.example.ma/portail/")]
    public void A_public_address_that_is_not_a_plain_http_origin_is_refused_at_start(string url)
    {
        var options = new PortalOptions { PublicBaseUrl = new Uri(url) };
        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains("Portal:PublicBaseUrl", errors.Single().ErrorMessage, StringComparison.Ordinal);
    }
}
